package dev.jobs.store.jdbc;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Tells other nodes of enqueued jobs with PostgreSQL's {@code pg_notify}, on the
 * {@link TablePrefix#enqueueChannel() channel} of the table prefix with the queue name as
 * payload: in a statement of its own, or riding in the statement that inserts a job. The
 * database delivers a notification when its transaction commits, and not at all when it
 * rolls back.
 */
final class EnqueueNotifier {

	private final JdbcAccess access;

	private EnqueueNotifier(JdbcAccess access) {
		this.access = access;
	}

	/**
	 * The notifier of the dialect's {@code EnqueueNotification}.
	 * @param access the JDBC access
	 * @return the notifier, or {@code null} where enqueues notify no other nodes
	 */
	static @Nullable EnqueueNotifier of(JdbcAccess access) {
		return switch (access.dialect().enqueueNotification()) {
			case PG_NOTIFY -> new EnqueueNotifier(access);
			case NONE -> null;
		};
	}

	/**
	 * Tell other nodes, when the current transaction commits, that jobs of a queue were
	 * enqueued.
	 * @param queue the queue
	 */
	void notifyEnqueued(String queue) {
		// delivered when the transaction commits, and not at all when it rolls back
		this.access.jdbc()
			.sql("SELECT pg_notify(:channel, :queue)")
			.param("channel", this.access.tables().enqueueChannel())
			.param("queue", queue)
			.query((rs) -> {
			});
	}

	/**
	 * One statement that inserts a job and tells other nodes of it when it commits; it
	 * returns a row if the job was inserted. The channel is its last positional
	 * parameter, bound by {@link #bindChannel(PositionalParameters)}.
	 * @param insert the insert statement, with positional parameters
	 * @return the statement
	 */
	String notifyingInsert(String insert) {
		// pg_notify runs only for an inserted row, and delivers when the statement
		// commits
		return "WITH inserted AS (" + insert + " RETURNING queue) SELECT pg_notify(?, queue) FROM inserted";
	}

	/**
	 * Bind the channel of a {@link #notifyingInsert(String) notifying insert}, after the
	 * insert's own parameters.
	 * @param parameters the statement's parameters
	 * @throws SQLException on a database error
	 */
	void bindChannel(PositionalParameters parameters) throws SQLException {
		parameters.add(this.access.tables().enqueueChannel());
	}

}
