package dev.jobs.store.jdbc.dialect;

/**
 * How a database selects and locks the batch of expired jobs that one transaction of the
 * history's purge deletes, chosen by the dialect
 * ({@link JobStoreDialect#historyPurge()}).
 */
public enum HistoryPurge {

	/**
	 * A locking select of the expired ids that skips rows locked by others and stops
	 * after the batch.
	 */
	LOCKING_SELECT,

	/**
	 * For a database whose locking read ({@code FOR UPDATE}) locks every row its
	 * condition matches before it applies its limit, as H2's does, so that a locking
	 * select of a batch would lock every expired job: read the expired ids without locks,
	 * then lock those rows by id, skipping rows locked by others, and keep the ones still
	 * expired.
	 */
	LOCK_CANDIDATES_BY_ID

}
