package dev.jobs.store.jdbc.dialect;

/**
 * How a database tells other nodes of enqueued jobs, chosen by its dialect
 * ({@link JobStoreDialect#enqueueNotification()}).
 */
public enum EnqueueNotification {

	/**
	 * PostgreSQL's {@code pg_notify}, delivered when the transaction commits and not at
	 * all when it rolls back, alone or riding in the statement that inserts a job.
	 */
	PG_NOTIFY,

	/**
	 * No notification: other nodes find enqueued jobs at their next poll.
	 */
	NONE

}
