package dev.jobs.store.jdbc.postgresql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The connection of a {@link PostgresEnqueueListener}: it runs {@code LISTEN} on a
 * channel, outside transactions, and waits for the channel's notifications with pgjdbc.
 */
final class ListeningConnection {

	private static final Log logger = LogFactory.getLog(PostgresEnqueueListener.class);

	private final Connection connection;

	/**
	 * Wrap a connection taken from the data source; it listens once
	 * {@link #listen(String) told to}.
	 * @param connection the connection
	 */
	ListeningConnection(Connection connection) {
		this.connection = connection;
	}

	/**
	 * Listen on a channel, in auto-commit mode since notifications arrive between
	 * transactions only.
	 * @param channel the channel
	 * @return the process id of the connection's database backend
	 * @throws SQLException on a database error
	 */
	int listen(String channel) throws SQLException {
		if (!this.connection.getAutoCommit()) {
			this.connection.setAutoCommit(true);
		}
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("LISTEN \"" + channel + "\"");
			try (ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	/**
	 * Wait for notifications.
	 * @param timeoutMillis how long to wait at most
	 * @return the payloads, the queue names, of the notifications received, or empty
	 * @throws SQLException on a database error
	 */
	List<String> await(int timeoutMillis) throws SQLException {
		return Notifications.await(this.connection, timeoutMillis);
	}

	/**
	 * Whether the connection still works, a connection whose peer vanished silently
	 * hearing nothing, forever.
	 * @param timeoutSeconds how long to wait for the check
	 * @return whether it is valid
	 * @throws SQLException on a database error
	 */
	boolean isValid(int timeoutSeconds) throws SQLException {
		return this.connection.isValid(timeoutSeconds);
	}

	/**
	 * Close the connection, logging a failure at debug level.
	 */
	void closeQuietly() {
		try {
			this.connection.close();
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("Could not close the enqueue listener's connection", ex);
		}
	}

	/**
	 * The pgjdbc calls, apart so that the driver's classes load only when a listener
	 * listens.
	 */
	private static final class Notifications {

		private Notifications() {
		}

		static List<String> await(Connection connection, int timeoutMillis) throws SQLException {
			PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(timeoutMillis);
			if (notifications == null || notifications.length == 0) {
				return List.of();
			}
			List<String> queues = new ArrayList<>(notifications.length);
			for (PGNotification notification : notifications) {
				queues.add(notification.getParameter());
			}
			return queues;
		}

	}

}
