package dev.jobs.store.jdbc;

import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.jobs.store.ClaimRequest;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.JobClaimer;

/**
 * Claims due jobs in one short transaction per batch: it locks up to {@code limit} due
 * pending rows whose names this node handles, most urgent and oldest due first, and in
 * enqueue order among jobs of equal priority and due time, skipping rows other nodes have
 * locked ({@code FOR UPDATE SKIP LOCKED}), then marks them running under this node with
 * their attempt counted and their fencing token raised. "Due" is judged by the database's
 * clock. Where an update can return the rows it changed (PostgreSQL), that is one
 * statement; elsewhere the claim reads the clock, selects and updates
 * ({@link ClaimStrategy}, as the dialect's {@code ClaimAlgorithm} says). Where the
 * database plans the claim from statistics, they are kept fresh in the background
 * ({@link ClaimStatistics}). Jobs claimed to be held ahead of a free slot are claimed
 * without a start time.
 */
class JdbcJobClaimer implements JobClaimer {

	private final JdbcAccess access;

	private final ClaimStatistics statistics;

	private final ClaimStrategy strategy;

	/**
	 * Create a claimer.
	 * @param access the JDBC access
	 */
	JdbcJobClaimer(JdbcAccess access) {
		this.access = access;
		this.statistics = ClaimStatistics.of(access);
		this.strategy = ClaimStrategy.of(access, new ClaimStatements(access.dialect(), access.tables()));
	}

	@Override
	public List<ClaimedJob> claim(ClaimRequest request) {
		if (request.names().isEmpty() || request.limit() < 1) {
			return List.of();
		}
		this.statistics.refreshIfStale();
		return this.access.inTransaction(() -> this.strategy.claim(request, parameters(request)));
	}

	private MapSqlParameterSource parameters(ClaimRequest request) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("names", request.names())
			.addValue("limit", request.limit())
			.addValue("owner", request.owner());
		if (request.queue() != null) {
			parameters.addValue("queue", request.queue());
		}
		else if (!request.excludedQueues().isEmpty()) {
			parameters.addValue("excludedQueues", request.excludedQueues());
		}
		return parameters;
	}

}
