package dev.jobs.store.jdbc;

import dev.jobs.store.ClaimRequest;
import dev.jobs.store.jdbc.dialect.JobStoreDialect;

/**
 * The claim in SQL, the transition of due pending jobs to running: the reads of the jobs
 * a claim takes, locking or not, the locking read of candidates by id, and the update
 * that claims them, each written once over the dialect's clock, locking clauses and index
 * hints. The other transitions are {@link JobStatements}.
 */
final class ClaimStatements {

	private final JobStoreDialect dialect;

	private final String table;

	private final String claimIndex;

	private final String claimOrder;

	ClaimStatements(JobStoreDialect dialect, TablePrefix tables) {
		this.dialect = dialect;
		this.table = tables.job();
		this.claimIndex = tables.claimIndex();
		// most urgent and oldest due first, then in enqueue order (ids made by one node
		// increase): the claim index's order for pending jobs
		this.claimOrder = dialect.indexOrder("status", "priority, run_at, id");
	}

	/**
	 * The read of the jobs a claim takes: due pending jobs of the names in
	 * {@code :names}, most urgent first, at most {@code :limit}.
	 * @param columns the columns to read
	 * @param now the expression of the current instant
	 * @param request the claim, whose queue it keeps to ({@code :queue}) or whose
	 * excluded queues it skips ({@code :excludedQueues})
	 * @return the query, without locks
	 */
	String claimSelect(String columns, String now, ClaimRequest request) {
		StringBuilder select = new StringBuilder("SELECT ").append(columns)
			.append(" FROM ")
			.append(this.table)
			.append(this.dialect.claimIndexHint(this.claimIndex))
			.append(" WHERE status = 'PENDING' AND run_at <= ")
			.append(now)
			.append(" AND name IN (:names)");
		if (request.queue() != null) {
			select.append(" AND queue = :queue");
		}
		else if (!request.excludedQueues().isEmpty()) {
			select.append(" AND queue NOT IN (:excludedQueues)");
		}
		return select.append(" ORDER BY ").append(this.claimOrder).append(" LIMIT :limit").toString();
	}

	/**
	 * The claim's read that locks the rows it reads, skipping rows locked by others.
	 * @param columns the columns to read
	 * @param now the expression of the current instant
	 * @param request the claim
	 * @return the query
	 */
	String claimLockingSelect(String columns, String now, ClaimRequest request) {
		return claimSelect(columns, now, request) + this.dialect.forUpdateSkipLocked();
	}

	/**
	 * The claim's changes to a row: running under {@code :owner}, its attempt counted and
	 * its fencing token raised. A held job gets no start time, which tells a rescue that
	 * it may not have started.
	 * @param now the expression of the current instant
	 * @param held whether the jobs are claimed to be held ahead of a free slot
	 * @return the {@code SET} list
	 */
	String claimAssignments(String now, boolean held) {
		return "status = 'RUNNING', owner = :owner, attempts = attempts + 1, fence = fence + 1, started_at = "
				+ (held ? "NULL" : now) + ", progress = 0";
	}

	/**
	 * The claim of the rows in {@code :ids}, locked before, at the instant {@code :now}.
	 * @param held whether the jobs are claimed to be held ahead of a free slot
	 * @return the update
	 */
	String claimByIds(boolean held) {
		return "UPDATE " + this.table + " SET " + claimAssignments(":now", held) + " WHERE id IN (:ids)";
	}

	/**
	 * Lock the claim's candidates in {@code :candidates} by id, skipping rows locked by
	 * others, reading their status to keep those still pending.
	 * @return the query
	 */
	String lockClaimCandidates() {
		return "SELECT status, " + JobColumns.CLAIMED + " FROM " + this.table + " WHERE id IN (:candidates)"
				+ this.dialect.forUpdateSkipLocked();
	}

}
