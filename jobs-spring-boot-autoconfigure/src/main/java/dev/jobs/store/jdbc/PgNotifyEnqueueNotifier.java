package dev.jobs.store.jdbc;

import java.sql.SQLException;
import java.time.Duration;

import dev.jobs.store.jdbc.postgresql.SpacedNotifications;

/**
 * Tells other nodes of enqueued jobs with PostgreSQL's {@code pg_notify}, on the
 * {@link TablePrefix#enqueueChannel() channel} of the table prefix with the queue name as
 * payload: in a statement of its own, or riding in the statement that inserts a job. The
 * database delivers a notification when its transaction commits, and not at all when it
 * rolls back. The notifications of lone enqueues are spaced out
 * ({@link SpacedNotifications}, {@link #NOTIFICATION_WINDOW},
 * {@link #LONGEST_NOTIFICATION_WINDOW}).
 */
final class PgNotifyEnqueueNotifier implements EnqueueNotifier {

	/**
	 * How long after a notification of a queue the next single enqueue of it waits to
	 * notify, after a lone enqueue.
	 */
	static final Duration NOTIFICATION_WINDOW = Duration.ofMillis(5);

	/**
	 * How long it waits at most, the window having doubled while enqueues kept coming.
	 */
	static final Duration LONGEST_NOTIFICATION_WINDOW = Duration.ofMillis(40);

	private final JdbcAccess access;

	private final SpacedNotifications spacing;

	PgNotifyEnqueueNotifier(JdbcAccess access) {
		this.access = access;
		this.spacing = new SpacedNotifications(NOTIFICATION_WINDOW, LONGEST_NOTIFICATION_WINDOW, this::notifyEnqueued);
	}

	@Override
	public void notifyEnqueued(String queue) {
		// delivered when the transaction commits, and not at all when it rolls back
		this.access.jdbc()
			.sql("SELECT pg_notify(:channel, :queue)")
			.param("channel", this.access.tables().enqueueChannel())
			.param("queue", queue)
			.query((rs) -> {
			});
	}

	@Override
	public boolean notifyNow(String queue) {
		return this.spacing.notifyNow(queue);
	}

	@Override
	public void heldBack(String queue) {
		this.spacing.heldBack(queue);
	}

	@Override
	public String notifyingInsert(String insert) {
		// pg_notify runs only for an inserted row, and delivers when the statement
		// commits
		return "WITH inserted AS (" + insert + " RETURNING queue) SELECT pg_notify(?, queue) FROM inserted";
	}

	@Override
	public void bindChannel(PositionalParameters parameters) throws SQLException {
		parameters.add(this.access.tables().enqueueChannel());
	}

}
