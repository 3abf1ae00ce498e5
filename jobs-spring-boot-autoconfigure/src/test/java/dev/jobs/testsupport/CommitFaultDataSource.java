package dev.jobs.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source whose commits a test can break, once, on a thread of its choosing: either
 * the real connection is closed just before the commit (the connection died mid-batch, so
 * the commit fails and nothing was written), or the commit happens and its
 * acknowledgement is lost (the work was written, but the caller sees a failure).
 */
public class CommitFaultDataSource extends DelegatingDataSource {

	private final AtomicReference<Fault> fault = new AtomicReference<>();

	private final AtomicInteger faults = new AtomicInteger();

	public CommitFaultDataSource(DataSource target) {
		super(target);
	}

	/**
	 * Close the real connection under the next commit of a transaction made on a thread
	 * whose name starts with the given prefix and that prepared a statement containing
	 * the given text.
	 * @param threadPrefix the thread name's prefix
	 * @param statementText the text
	 */
	public void closeConnectionAtNextCommit(String threadPrefix, String statementText) {
		this.fault.set(new Fault(threadPrefix, statementText, false));
	}

	/**
	 * Let the next such commit succeed, then fail as if its acknowledgement was lost.
	 * @param threadPrefix the thread name's prefix
	 * @param statementText the text
	 */
	public void loseNextCommitAcknowledgement(String threadPrefix, String statementText) {
		this.fault.set(new Fault(threadPrefix, statementText, true));
	}

	/**
	 * How many commits were broken so far.
	 * @return the count
	 */
	public int faults() {
		return this.faults.get();
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = super.getConnection();
		AtomicBoolean matched = new AtomicBoolean();
		return (Connection) Proxy.newProxyInstance(CommitFaultDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					Fault current = this.fault.get();
					if (current != null && args != null && args.length > 0 && args[0] instanceof String sql
							&& method.getName().startsWith("prepare") && sql.contains(current.statementText())
							&& Thread.currentThread().getName().startsWith(current.threadPrefix())) {
						matched.set(true);
					}
					if (method.getName().equals("commit") && matched.getAndSet(false) && current != null
							&& this.fault.compareAndSet(current, null)) {
						this.faults.incrementAndGet();
						if (current.commitFirst()) {
							connection.commit();
							throw new SQLException("Connection reset after the commit was sent (test)", "08006");
						}
						connection.unwrap(Connection.class).close();
						if (getTargetDataSource() instanceof HikariDataSource pool) {
							// as the pool does with a connection it finds broken
							pool.evictConnection(connection);
						}
					}
					if (method.getName().equals("commit") || method.getName().equals("rollback")) {
						matched.set(false);
					}
					return invoke(method, connection, args);
				});
	}

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	private record Fault(String threadPrefix, String statementText, boolean commitFirst) {

	}

}
