package dev.jobs.store.jdbc;

import dev.jobs.store.jdbc.dialect.JobStoreDialect;

/**
 * The job state machine in SQL after the claim ({@link ClaimStatements}): every statement
 * that moves a claimed or finished job from one status to another (the ends of an
 * attempt, a hand-back, cancel, retry, the rescue of a stale node's jobs), the start
 * marks and progress of running attempts, and the locking reads these transitions take,
 * each written once over the dialect's clock and locking clauses.
 *
 * <p>
 * An attempt's updates are fenced ({@link #FENCE}): they change a row only while its job
 * runs under the attempt's owner and fencing token. A job that ends releases its owner,
 * its unique key and its cancel request in one {@link #finished(boolean) finished}
 * clause.
 */
final class JobStatements {

	/**
	 * The condition of every update an attempt makes: the job still runs under the
	 * attempt's owner and fencing token.
	 */
	static final String FENCE = " WHERE id = :id AND owner = :owner AND fence = :fence AND status = 'RUNNING'";

	private final JobStoreDialect dialect;

	private final String table;

	private final String nodeTable;

	JobStatements(JobStoreDialect dialect, TablePrefix tables) {
		this.dialect = dialect;
		this.table = tables.job();
		this.nodeTable = tables.node();
	}

	/**
	 * The columns a job's end sets: no owner, no unique key, no cancel request, and the
	 * database's clock as its finish time.
	 * @param markStart whether a job that was held ahead of a free slot, and so has no
	 * start time yet, gets the finish time as its start time too
	 * @return the {@code SET} list
	 */
	private String finished(boolean markStart) {
		String now = this.dialect.now();
		return "owner = NULL, active_key = NULL, cancel_requested = FALSE, "
				+ (markStart ? "started_at = COALESCE(started_at, " + now + "), " : "") + "finished_at = " + now;
	}

	private String fencedUpdate(String assignments) {
		return "UPDATE " + this.table + " SET " + assignments + FENCE;
	}

	// the ends of attempts

	/**
	 * The changes of a completion without a result.
	 * @return the {@code SET} list
	 */
	String plainCompletion() {
		return "status = 'COMPLETED', result = NULL, progress = 100, " + finished(true);
	}

	/**
	 * Complete the jobs in {@code :ids}, without a result, whose rows the caller locked
	 * and checked.
	 * @return the update
	 */
	String completeByIds() {
		return "UPDATE " + this.table + " SET " + plainCompletion() + " WHERE id IN (:ids)";
	}

	/**
	 * Complete an attempt's job with the result {@code :result}.
	 * @return the fenced update
	 */
	String complete() {
		return fencedUpdate("status = 'COMPLETED', result = :result, progress = 100, " + finished(true));
	}

	/**
	 * Put an attempt's job back in line after {@code :delayMs}, with the error
	 * {@code :error}.
	 * @return the fenced update
	 */
	String retryAttempt() {
		return fencedUpdate(
				"status = 'PENDING', error = :error, owner = NULL, run_at = " + this.dialect.nowPlusMillis("delayMs"));
	}

	/**
	 * Fail an attempt's job with the error {@code :error}.
	 * @return the fenced update
	 */
	String fail() {
		return fencedUpdate("status = 'FAILED', error = :error, " + finished(true));
	}

	/**
	 * Cancel an attempt's job with the error {@code :error}.
	 * @return the fenced update
	 */
	String cancelAttempt() {
		return fencedUpdate("status = 'CANCELLED', error = :error, " + finished(true));
	}

	/**
	 * Hand an attempt's job back, its attempt not counted: it keeps its due time, and so
	 * its place in line.
	 * @return the fenced update
	 */
	String handBack() {
		return fencedUpdate("status = 'PENDING', owner = NULL, attempts = attempts - 1");
	}

	/**
	 * Lock the rows of the jobs in {@code :ids}, in id order, reading their cancel
	 * requests.
	 * @return the query
	 */
	String lockForCancelCheck() {
		return "SELECT id, cancel_requested FROM " + this.table + " WHERE id IN (:ids) ORDER BY id FOR UPDATE";
	}

	/**
	 * Lock the rows of the running jobs in {@code :ids}, in id order, reading their
	 * owner, fencing token and cancel request.
	 * @return the query
	 */
	String lockRunning() {
		return "SELECT id, owner, fence, cancel_requested FROM " + this.table
				+ " WHERE id IN (:ids) AND status = 'RUNNING' ORDER BY id FOR UPDATE";
	}

	// running attempts

	/**
	 * Record an attempt's progress {@code :progress}.
	 * @return the fenced update
	 */
	String progress() {
		return fencedUpdate("progress = :progress");
	}

	/**
	 * Give an attempt's job, held ahead of a free slot, its start time.
	 * @return the fenced update
	 */
	String markStarted() {
		return fencedUpdate("started_at = " + this.dialect.now()) + " AND started_at IS NULL";
	}

	/**
	 * The jobs running under {@code :owner}, as claimed jobs, with the database's clock.
	 * @return the query
	 */
	String running() {
		return "SELECT " + JobColumns.CLAIMED + ", " + this.dialect.now() + " AS claimed_at FROM " + this.table
				+ " WHERE owner = :owner AND status = 'RUNNING'";
	}

	/**
	 * The ids of the jobs running under {@code :owner} whose cancel was requested.
	 * @return the query
	 */
	String cancelRequested() {
		return "SELECT id FROM " + this.table
				+ " WHERE owner = :owner AND status = 'RUNNING' AND cancel_requested = TRUE";
	}

	// cancel and retry

	/**
	 * Cancel the pending job {@code :id}.
	 * @return the update
	 */
	String cancelPending() {
		return "UPDATE " + this.table + " SET status = 'CANCELLED', finished_at = " + this.dialect.now()
				+ ", active_key = NULL WHERE id = :id AND status = 'PENDING'";
	}

	/**
	 * Ask the running job {@code :id} to stop.
	 * @return the update
	 */
	String requestCancel() {
		return "UPDATE " + this.table + " SET cancel_requested = TRUE WHERE id = :id AND status = 'RUNNING'";
	}

	/**
	 * Put the failed or cancelled job {@code :id} back in line, due at once, its attempts
	 * reset and its unique key held again.
	 * @return the update
	 */
	String retryFinished() {
		return "UPDATE " + this.table + " SET status = 'PENDING', attempts = 0, run_at = " + this.dialect.now()
				+ ", finished_at = NULL, owner = NULL, progress = 0, cancel_requested = FALSE, active_key = unique_key"
				+ " WHERE id = :id AND status IN ('FAILED', 'CANCELLED')";
	}

	// rescue

	/**
	 * The owners of running jobs that have no node row and started before
	 * {@code staleTime} or never.
	 * @param staleTime the expression of the stale instant
	 * @return the query
	 */
	String ownersWithoutNode(String staleTime) {
		return "SELECT DISTINCT owner FROM " + this.table
				+ " WHERE owner IS NOT NULL AND status = 'RUNNING' AND (started_at IS NULL OR started_at < " + staleTime
				+ ")" + " AND owner NOT IN (SELECT name FROM " + this.nodeTable + ")";
	}

	/**
	 * Lock the jobs running under {@code :owner}, skipping rows locked by others.
	 * @return the query
	 */
	String lockRunningOf() {
		return "SELECT id, name, queue, attempts, max_attempts, fence, started_at, cancel_requested FROM " + this.table
				+ " WHERE status = 'RUNNING' AND owner = :owner" + this.dialect.forUpdateSkipLocked();
	}

	/**
	 * Return a stale node's job to pending with the error {@code :error}; it keeps its
	 * due time, and so its place in line.
	 * @param held whether the job was held ahead of a free slot, and so may not have
	 * started: its attempt is then not counted
	 * @return the fenced update
	 */
	String rescueToPending(boolean held) {
		return rescue("status = 'PENDING', owner = NULL" + (held ? ", attempts = attempts - 1" : ""));
	}

	/**
	 * Fail a stale node's job that used its attempts, with the error {@code :error}.
	 * @return the fenced update
	 */
	String rescueFail() {
		return rescue("status = 'FAILED', " + finished(false));
	}

	/**
	 * Cancel a stale node's job whose cancel was requested, with the error
	 * {@code :error}.
	 * @return the fenced update
	 */
	String rescueCancel() {
		return rescue("status = 'CANCELLED', " + finished(false));
	}

	private String rescue(String assignments) {
		return fencedUpdate(assignments + ", error = :error");
	}

}
