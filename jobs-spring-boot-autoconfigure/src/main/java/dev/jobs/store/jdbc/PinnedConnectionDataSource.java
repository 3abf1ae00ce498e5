package dev.jobs.store.jdbc;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that keeps one connection of its target for itself and hands it out again
 * and again, so that work done through it (heartbeats and rescue) never waits for a pool
 * that handlers have exhausted. A connection that is no longer valid is closed and
 * replaced. Meant for one thread at a time.
 */
public class PinnedConnectionDataSource extends DelegatingDataSource implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(PinnedConnectionDataSource.class);

	private @Nullable Connection pinned;

	/**
	 * Create a data source that pins a connection of the given one.
	 * @param target the pool to take the connection from
	 */
	public PinnedConnectionDataSource(DataSource target) {
		super(target);
	}

	@Override
	public synchronized Connection getConnection() throws SQLException {
		Connection connection = this.pinned;
		if (connection == null || !isUsable(connection)) {
			release(connection);
			connection = obtainTargetDataSource().getConnection();
			this.pinned = connection;
		}
		return closeSuppressing(connection);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return getConnection();
	}

	private static boolean isUsable(Connection connection) {
		try {
			return !connection.isClosed() && connection.isValid(5);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static Connection closeSuppressing(Connection target) {
		return (Connection) Proxy.newProxyInstance(PinnedConnectionDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					switch (method.getName()) {
						case "close":
							return null;
						case "isClosed":
							return target.isClosed();
						case "equals":
							return proxy == args[0];
						case "hashCode":
							return System.identityHashCode(proxy);
						case "unwrap":
							return (((Class<?>) args[0]).isInstance(proxy)) ? proxy : target.unwrap((Class<?>) args[0]);
						default:
							try {
								return method.invoke(target, args);
							}
							catch (java.lang.reflect.InvocationTargetException ex) {
								throw ex.getTargetException();
							}
					}
				});
	}

	private static void release(@Nullable Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				logger.debug("Could not close a pinned connection", ex);
			}
		}
	}

	@Override
	public synchronized void close() {
		release(this.pinned);
		this.pinned = null;
	}

}
