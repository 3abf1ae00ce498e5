package dev.jobs.store.jdbc.dialect;

/**
 * How a database records the ends of attempts, each only while its job still runs under
 * the attempt's owner and fencing token, chosen by its dialect
 * ({@link JobStoreDialect#attemptUpdateAlgorithm()}).
 */
public enum AttemptUpdateAlgorithm {

	/**
	 * Each update carries the match itself: the plain completions in one update over
	 * arrays of the attempts' ids, fencing tokens and owners that returns the rows it
	 * changed, the others in a batch whose counts tell. Needs an update that can return
	 * the rows it changed, and array parameters.
	 */
	UPDATE_RETURNING,

	/**
	 * Lock the attempts' rows in id order first, keep the attempts whose job still runs
	 * under the same owner and fencing token, then update those.
	 */
	LOCK_THEN_UPDATE

}
