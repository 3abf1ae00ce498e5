package dev.jobs.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A DataSource that records the SQL it is given and that a test can break: while broken,
 * {@link #getConnection()} throws, as when the database is unreachable, and so does every
 * use of a connection already open (statements, commits, rollbacks), as when the
 * connection to it is lost; closing a connection still works.
 */
public class ObservedDataSource extends DelegatingDataSource {

	private final List<String> statements = new CopyOnWriteArrayList<>();

	private volatile boolean broken;

	public ObservedDataSource(DataSource target) {
		super(target);
	}

	/**
	 * Make new connections fail, or work again.
	 * @param broken whether the database is unreachable
	 */
	public void broken(boolean broken) {
		this.broken = broken;
	}

	/**
	 * How many statements containing the given text were prepared or executed.
	 * @param text the text
	 * @return the count
	 */
	public long count(String text) {
		return this.statements.stream().filter((sql) -> sql.contains(text)).count();
	}

	@Override
	public Connection getConnection() throws SQLException {
		check();
		return wrap(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		check();
		return wrap(super.getConnection(username, password));
	}

	private void check() throws SQLException {
		if (this.broken) {
			throw new SQLTransientConnectionException("database unreachable (test)");
		}
	}

	private Connection wrap(Connection connection) {
		return proxy(Connection.class, connection, (proxy, method, args) -> {
			if (this.broken && !method.getName().equals("close") && !method.getName().equals("isClosed")) {
				throw new SQLRecoverableException("connection to the database lost (test)");
			}
			if (args != null && args.length > 0 && args[0] instanceof String sql
					&& method.getName().startsWith("prepare")) {
				this.statements.add(sql);
			}
			Object result = invoke(method, connection, args);
			if (result instanceof Statement statement && method.getName().equals("createStatement")) {
				return proxy(Statement.class, statement, (p, m, a) -> {
					if (a != null && a.length > 0 && a[0] instanceof String sql && m.getName().startsWith("execute")) {
						this.statements.add(sql);
					}
					return invoke(m, statement, a);
				});
			}
			return result;
		});
	}

	private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
		return (T) Proxy.newProxyInstance(ObservedDataSource.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

}
