package dev.jobs.store.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.jobs.JobStatus;
import dev.jobs.store.JobHistoryStore;

/**
 * Deletes expired jobs in batches. One transaction selects and locks at most a batch of
 * expired job ids, one finished status at a time so that each select reads the
 * {@code (status, finished_at)} index in order and stops after the rows it needs
 * (skipping rows other transactions hold), then deletes their log lines, their executions
 * and the jobs. Selecting the ids first keeps the deletes to plain {@code IN} lists,
 * which every database accepts, where MySQL refuses a {@code DELETE} with a {@code LIMIT}
 * in a subquery on its own table. Where a locking read locks beyond its limit (H2), the
 * ids are read without locks, then locked by id and checked again, as the claim does.
 */
public class JdbcJobHistoryStore implements JobHistoryStore {

	private final JdbcAccess access;

	private final String selectExpired;

	private final String lockCandidates;

	/**
	 * Create the store.
	 * @param access the JDBC access
	 */
	public JdbcJobHistoryStore(JdbcAccess access) {
		this.access = access;
		String expired = "status = :status AND finished_at < " + access.dialect().nowPlusMillis("minusRetention");
		String select = "SELECT id FROM " + access.tables().job() + " WHERE " + expired + " ORDER BY "
				+ access.dialect().indexOrder("status", "finished_at") + " LIMIT :limit";
		this.selectExpired = access.dialect().locksBeyondLimit() ? select
				: select + access.dialect().forUpdateSkipLocked();
		this.lockCandidates = "SELECT id, CASE WHEN " + expired + " THEN 1 ELSE 0 END AS expired FROM "
				+ access.tables().job() + " WHERE id IN (:candidates)" + access.dialect().forUpdateSkipLocked();
	}

	@Override
	public int deleteExpired(Duration retention, Duration retentionFailed, int limit) {
		return this.access.inTransaction(() -> {
			List<Object> ids = new ArrayList<>();
			select(ids, JobStatus.COMPLETED, retention, limit);
			select(ids, JobStatus.CANCELLED, retention, limit);
			select(ids, JobStatus.FAILED, retentionFailed, limit);
			if (ids.isEmpty()) {
				return 0;
			}
			MapSqlParameterSource parameters = new MapSqlParameterSource("ids", ids);
			this.access.named()
				.update("DELETE FROM " + this.access.tables().jobLog() + " WHERE job_id IN (:ids)", parameters);
			this.access.named()
				.update("DELETE FROM " + this.access.tables().execution() + " WHERE job_id IN (:ids)", parameters);
			return this.access.named()
				.update("DELETE FROM " + this.access.tables().job() + " WHERE id IN (:ids)", parameters);
		});
	}

	private void select(List<Object> ids, JobStatus status, Duration retention, int limit) {
		int remaining = limit - ids.size();
		if (remaining < 1) {
			return;
		}
		MapSqlParameterSource parameters = new MapSqlParameterSource("status", status.name())
			.addValue("minusRetention", -retention.toMillis())
			.addValue("limit", remaining);
		List<Object> selected = this.access.named()
			.query(this.selectExpired, parameters,
					(rs, rowNum) -> this.access.dialect().bind(this.access.dialect().jobId(rs, "id")));
		if (!this.access.dialect().locksBeyondLimit() || selected.isEmpty()) {
			ids.addAll(selected);
			return;
		}
		parameters.addValue("candidates", selected);
		this.access.named().query(this.lockCandidates, parameters, (rs) -> {
			if (rs.getInt("expired") == 1) {
				ids.add(this.access.dialect().bind(this.access.dialect().jobId(rs, "id")));
			}
		});
	}

}
