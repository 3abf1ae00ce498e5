package dev.jobs.store.jdbc.dialect;

/**
 * How an insert meets a job whose unique key is held, chosen by the dialect
 * ({@link JobStoreDialect#uniqueKeyConflicts()}).
 */
public enum UniqueKeyConflicts {

	/**
	 * The insert itself skips the conflict
	 * ({@link JobStoreDialect#insertSkippingActiveKeyConflict(String)}), so jobs with and
	 * without unique keys share multi-row inserts.
	 */
	SKIPPED_BY_STATEMENT,

	/**
	 * The database has no such insert: each job with a unique key is inserted on its own
	 * and its failure on the unique index caught. A failed statement must not abort the
	 * transaction (as on H2).
	 */
	CAUGHT

}
