package dev.jobs.store.jdbc.dialect;

/**
 * How a database claims due jobs, chosen by its dialect
 * ({@link JobStoreDialect#claimAlgorithm()}).
 */
public enum ClaimAlgorithm {

	/**
	 * One statement that runs the locking select of the ids to claim once, updates those
	 * rows and returns them as they are after the claim, with the database's clock. Needs
	 * an update that can return the rows it changed.
	 */
	UPDATE_RETURNING,

	/**
	 * Read the database's clock, lock the rows to claim with a locking select that skips
	 * rows locked by others, then update those rows by id.
	 */
	LOCKING_SELECT,

	/**
	 * For a database whose locking read ({@code FOR UPDATE}) locks every row its
	 * condition matches before it applies its limit, as H2's does: read the clock and the
	 * ids of the candidates without locks, lock those rows by id and keep the ones still
	 * due and pending, then update those by id. A claim whose candidates another node
	 * holds locked then comes back empty, and the node claims again at its next poll.
	 */
	LOCK_CANDIDATES_BY_ID

}
