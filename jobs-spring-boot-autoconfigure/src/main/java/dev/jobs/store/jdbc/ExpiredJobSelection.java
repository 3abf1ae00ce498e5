package dev.jobs.store.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.jobs.JobStatus;

/**
 * Selects and locks a batch of expired jobs of one finished status for the history's
 * purge, as the dialect's {@code HistoryPurge} says. The select reads the
 * {@code (status, finished_at)} index in order and stops after the rows it needs,
 * skipping rows other transactions hold: by a locking select ({@link #lockingSelect}),
 * or, where a locking read locks beyond its limit (H2), by an unlocked read of the ids
 * whose rows are then locked by id and checked again ({@link #lockingCandidatesById}), as
 * the claim does.
 */
final class ExpiredJobSelection {

	private final JdbcAccess access;

	private final String select;

	private final RowLock lock;

	private ExpiredJobSelection(JdbcAccess access, String select, RowLock lock) {
		this.access = access;
		this.select = select;
		this.lock = lock;
	}

	/**
	 * The selection of the dialect's history purge.
	 * @param access the JDBC access
	 * @return the selection
	 */
	static ExpiredJobSelection of(JdbcAccess access) {
		return of(access, "");
	}

	/**
	 * The selection of the dialect's history purge within the queue {@code :queue}.
	 * @param access the JDBC access
	 * @return the selection
	 */
	static ExpiredJobSelection ofQueue(JdbcAccess access) {
		return of(access, " AND queue = :queue");
	}

	private static ExpiredJobSelection of(JdbcAccess access, String queueCondition) {
		return switch (access.dialect().historyPurge()) {
			case LOCKING_SELECT -> lockingSelect(access, queueCondition);
			case LOCK_CANDIDATES_BY_ID -> lockingCandidatesById(access, queueCondition);
		};
	}

	/**
	 * The selection that locks its rows with a locking select.
	 * @param access the JDBC access
	 * @param queueCondition the condition on the queue, or nothing
	 * @return the selection
	 */
	private static ExpiredJobSelection lockingSelect(JdbcAccess access, String queueCondition) {
		return new ExpiredJobSelection(access, select(access, queueCondition) + access.dialect().forUpdateSkipLocked(),
				(selected, parameters) -> selected);
	}

	/**
	 * The selection that reads the expired ids without locks, locks those rows by id and
	 * keeps the ones still expired.
	 * @param access the JDBC access
	 * @param queueCondition the condition on the queue, or nothing
	 * @return the selection
	 */
	private static ExpiredJobSelection lockingCandidatesById(JdbcAccess access, String queueCondition) {
		String lockCandidates = "SELECT id, CASE WHEN " + expired(access, queueCondition)
				+ " THEN 1 ELSE 0 END AS expired FROM " + access.tables().job() + " WHERE id IN (:candidates)"
				+ access.dialect().forUpdateSkipLocked();
		return new ExpiredJobSelection(access, select(access, queueCondition), (selected, parameters) -> {
			if (selected.isEmpty()) {
				return selected;
			}
			List<Object> ids = new ArrayList<>(selected.size());
			parameters.addValue("candidates", selected);
			access.named().query(lockCandidates, parameters, (rs) -> {
				if (rs.getInt("expired") == 1) {
					ids.add(access.dialect().bind(access.dialect().jobId(rs, "id")));
				}
			});
			return ids;
		});
	}

	private static String expired(JdbcAccess access, String queueCondition) {
		return "status = :status AND finished_at < " + access.dialect().nowPlusMillis("minusRetention")
				+ queueCondition;
	}

	private static String select(JdbcAccess access, String queueCondition) {
		return "SELECT id FROM " + access.tables().job() + " WHERE " + expired(access, queueCondition) + " ORDER BY "
				+ access.dialect().indexOrder("status", "finished_at") + " LIMIT :limit";
	}

	/**
	 * Select and lock expired jobs of a status, in the caller's transaction.
	 * @param status the finished status
	 * @param retention how long jobs of the status are kept after they finished
	 * @param limit the most jobs to select
	 * @return the bound ids of the locked jobs
	 */
	List<Object> select(JobStatus status, Duration retention, int limit) {
		return select(null, status, retention, limit);
	}

	/**
	 * Select and lock expired jobs of a queue and a status, in the caller's transaction,
	 * for a selection {@link #ofQueue of a queue}.
	 * @param queue the queue
	 * @param status the finished status
	 * @param retention how long jobs of the status are kept after they finished
	 * @param limit the most jobs to select
	 * @return the bound ids of the locked jobs
	 */
	List<Object> select(@Nullable String queue, JobStatus status, Duration retention, int limit) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("status", status.name()).addValue("queue", queue)
			.addValue("minusRetention", -retention.toMillis())
			.addValue("limit", limit);
		List<Object> selected = this.access.named()
			.query(this.select, parameters,
					(rs, rowNum) -> this.access.dialect().bind(this.access.dialect().jobId(rs, "id")));
		return this.lock.lock(selected, parameters);
	}

	/**
	 * Locks the selected rows, keeping the ones still expired.
	 */
	@FunctionalInterface
	private interface RowLock {

		List<Object> lock(List<Object> selected, MapSqlParameterSource parameters);

	}

}
