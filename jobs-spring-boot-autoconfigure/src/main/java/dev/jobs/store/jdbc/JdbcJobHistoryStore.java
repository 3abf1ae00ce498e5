package dev.jobs.store.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.jobs.JobId;
import dev.jobs.JobStatus;
import dev.jobs.store.JobHistoryStore;

/**
 * Deletes expired jobs in batches. One transaction selects and locks at most a batch of
 * expired job ids, one finished status at a time so that each select reads the
 * {@code (status, finished_at)} index in order and stops after the rows it needs
 * (skipping rows other transactions hold), then deletes their log lines, their executions
 * and the jobs. Selecting the ids first keeps the deletes to plain {@code IN} lists,
 * which every database accepts, where MySQL refuses a {@code DELETE} with a {@code LIMIT}
 * in a subquery on its own table. How the ids are selected and locked is the dialect's
 * {@code HistoryPurge} ({@link ExpiredJobSelection}).
 */
class JdbcJobHistoryStore implements JobHistoryStore {

	private final JdbcAccess access;

	private final ExpiredJobSelection expired;

	private final ExpiredJobSelection expiredOfQueue;

	/**
	 * Create the store.
	 * @param access the JDBC access
	 */
	JdbcJobHistoryStore(JdbcAccess access) {
		this.access = access;
		this.expired = ExpiredJobSelection.of(access);
		this.expiredOfQueue = ExpiredJobSelection.ofQueue(access);
	}

	@Override
	public int deleteExpired(Duration retention, Duration retentionFailed, int limit) {
		return this.access.inTransaction(() -> {
			List<Object> ids = new ArrayList<>();
			select(ids, JobStatus.COMPLETED, retention, limit);
			select(ids, JobStatus.CANCELLED, retention, limit);
			select(ids, JobStatus.FAILED, retentionFailed, limit);
			return delete(ids);
		});
	}

	@Override
	public int deleteFinished(String queue, JobStatus status, Duration grace, int limit) {
		return this.access.inTransaction(() -> delete(this.expiredOfQueue.select(queue, status, grace, limit)));
	}

	@Override
	public boolean delete(JobId id) {
		return this.access.inTransaction(() -> {
			Object boundId = this.access.dialect().bind(id);
			List<Object> finished = this.access.jdbc()
				.sql("SELECT id FROM " + this.access.tables().job()
						+ " WHERE id = :id AND status IN ('COMPLETED', 'FAILED', 'CANCELLED')" + " FOR UPDATE")
				.param("id", boundId)
				.query((rs, rowNum) -> this.access.dialect().bind(this.access.dialect().jobId(rs, "id")))
				.list();
			return delete(finished) > 0;
		});
	}

	private int delete(List<Object> ids) {
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
	}

	private void select(List<Object> ids, JobStatus status, Duration retention, int limit) {
		int remaining = limit - ids.size();
		if (remaining >= 1) {
			ids.addAll(this.expired.select(status, retention, remaining));
		}
	}

}
