package dev.jobs.store.jdbc;

import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.jobs.store.JobHistoryStore;

/**
 * Deletes expired jobs in batches: one transaction selects and locks at most a batch of
 * expired job ids (skipping rows other transactions hold), deletes their log lines and
 * executions, then the jobs. Selecting the ids first keeps the deletes to plain
 * {@code IN} lists, which every database accepts, where MySQL refuses a {@code DELETE}
 * that reads its own table in a subquery.
 */
public class JdbcJobHistoryStore implements JobHistoryStore {

	private final JdbcAccess access;

	private final String selectExpired;

	/**
	 * Create the store.
	 * @param access the JDBC access
	 */
	public JdbcJobHistoryStore(JdbcAccess access) {
		this.access = access;
		this.selectExpired = "SELECT id FROM " + access.tables().job()
				+ " WHERE (status IN ('COMPLETED', 'CANCELLED') AND finished_at < "
				+ access.dialect().nowPlusMillis("retention") + ") OR (status = 'FAILED' AND finished_at < "
				+ access.dialect().nowPlusMillis("retentionFailed") + ") ORDER BY finished_at, id LIMIT :limit"
				+ access.dialect().forUpdateSkipLocked();
	}

	@Override
	public int deleteExpired(Duration retention, Duration retentionFailed, int limit) {
		return this.access.inTransaction(() -> {
			List<Object> ids = this.access.named()
				.query(this.selectExpired,
						new MapSqlParameterSource("retention", -retention.toMillis())
							.addValue("retentionFailed", -retentionFailed.toMillis())
							.addValue("limit", limit),
						(rs, rowNum) -> this.access.dialect().bind(this.access.dialect().jobId(rs, "id")));
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

}
