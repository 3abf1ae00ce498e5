package dev.jobs.store.jdbc;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.jobs.store.ClaimRequest;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.JobClaimer;

/**
 * Claims due jobs in one short transaction per batch: it locks up to {@code limit} due
 * pending rows whose names this node handles, most urgent and oldest due first, skipping
 * rows other nodes have locked ({@code FOR UPDATE SKIP LOCKED}), then marks them running
 * under this node with their attempt counted and their fencing token raised. "Due" is
 * judged by the database's clock. Where the database plans the claim from statistics,
 * they are kept fresh first ({@link ClaimStatistics}).
 */
public class JdbcJobClaimer implements JobClaimer {

	private final JdbcAccess access;

	private final DatabaseClock clock;

	private final ClaimStatistics statistics;

	/**
	 * Create a claimer.
	 * @param access the JDBC access
	 */
	public JdbcJobClaimer(JdbcAccess access) {
		this.access = access;
		this.clock = new DatabaseClock(access);
		this.statistics = new ClaimStatistics(access);
	}

	@Override
	public List<ClaimedJob> claim(ClaimRequest request) {
		if (request.names().isEmpty() || request.limit() < 1) {
			return List.of();
		}
		this.statistics.refreshIfStale();
		return this.access.inTransaction(() -> claimInTransaction(request));
	}

	private List<ClaimedJob> claimInTransaction(ClaimRequest request) {
		Instant now = this.clock.now();
		MapSqlParameterSource parameters = new MapSqlParameterSource("names", request.names())
			.addValue("now", this.access.dialect().bind(now))
			.addValue("limit", request.limit())
			.addValue("owner", request.owner());
		StringBuilder select = new StringBuilder("SELECT ").append(JobColumns.ALL)
			.append(" FROM ")
			.append(this.access.tables().job())
			.append(this.access.dialect().claimIndexHint(this.access.tables().claimIndex()))
			.append(" WHERE status = 'PENDING' AND run_at <= :now AND name IN (:names)");
		if (request.queue() != null) {
			select.append(" AND queue = :queue");
			parameters.addValue("queue", request.queue());
		}
		else if (!request.excludedQueues().isEmpty()) {
			select.append(" AND queue NOT IN (:excludedQueues)");
			parameters.addValue("excludedQueues", request.excludedQueues());
		}
		select.append(" ORDER BY priority, run_at LIMIT :limit").append(this.access.dialect().forUpdateSkipLocked());
		List<ClaimedJob> claimed = this.access.named()
			.query(select.toString(), parameters, JobRowMapper.claimed(this.access.dialect(), request.owner(), now));
		if (!claimed.isEmpty()) {
			parameters.addValue("ids", claimed.stream().map((job) -> this.access.dialect().bind(job.id())).toList());
			this.access.named()
				.update("UPDATE " + this.access.tables().job() + " SET status = 'RUNNING', owner = :owner,"
						+ " attempts = attempts + 1, fence = fence + 1, started_at = :now, progress = 0"
						+ " WHERE id IN (:ids)", parameters);
		}
		return claimed;
	}

}
