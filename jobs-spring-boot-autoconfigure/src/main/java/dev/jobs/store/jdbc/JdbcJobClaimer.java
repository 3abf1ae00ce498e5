package dev.jobs.store.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
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
 * statement; elsewhere the claim reads the clock, selects and updates. Where the database
 * plans the claim from statistics, they are kept fresh in the background
 * ({@link ClaimStatistics}). Jobs claimed to be held ahead of a free slot are claimed
 * without a start time.
 */
public class JdbcJobClaimer implements JobClaimer {

	private static final Comparator<ClaimedJob> MOST_URGENT_FIRST = Comparator
		.comparingInt((ClaimedJob job) -> job.priority().rank())
		.thenComparing(ClaimedJob::runAt)
		.thenComparing(ClaimedJob::id);

	private final JdbcAccess access;

	private final DatabaseClock clock;

	private final ClaimStatistics statistics;

	private final JobStatements statements;

	/**
	 * Create a claimer.
	 * @param access the JDBC access
	 */
	public JdbcJobClaimer(JdbcAccess access) {
		this.access = access;
		this.clock = new DatabaseClock(access);
		this.statistics = new ClaimStatistics(access);
		this.statements = new JobStatements(access.dialect(), access.tables());
	}

	@Override
	public List<ClaimedJob> claim(ClaimRequest request) {
		if (request.names().isEmpty() || request.limit() < 1) {
			return List.of();
		}
		this.statistics.refreshIfStale();
		return this.access.inTransaction(() -> {
			String now = this.access.dialect().now();
			MapSqlParameterSource parameters = parameters(request);
			String returning = this.access.dialect()
				.claimReturning(this.access.tables().job(), this.statements.claimLockingSelect("id", now, request),
						this.statements.claimAssignments(now, request.held()),
						JobColumns.CLAIMED + ", " + now + " AS claimed_at");
			return (returning != null) ? claimReturning(returning, parameters, request.owner())
					: claimInSteps(request, parameters);
		});
	}

	private List<ClaimedJob> claimReturning(String statement, MapSqlParameterSource parameters, String owner) {
		List<ClaimedJob> claimed = new ArrayList<>(this.access.named()
			.query(statement, parameters, JobRowMapper.claimedByUpdate(this.access.dialect(), owner)));
		claimed.sort(MOST_URGENT_FIRST);
		return claimed;
	}

	private List<ClaimedJob> claimInSteps(ClaimRequest request, MapSqlParameterSource parameters) {
		Instant now = this.clock.now();
		parameters.addValue("now", this.access.dialect().bind(now));
		RowMapper<ClaimedJob> mapper = JobRowMapper.claimed(this.access.dialect(), request.owner(), now);
		List<ClaimedJob> claimed = this.access.dialect().locksBeyondLimit()
				? lockCandidates(request, parameters, mapper, now) : this.access.named()
					.query(this.statements.claimLockingSelect(JobColumns.CLAIMED, ":now", request), parameters, mapper);
		if (!claimed.isEmpty()) {
			parameters.addValue("ids", claimed.stream().map((job) -> this.access.dialect().bind(job.id())).toList());
			this.access.named().update(this.statements.claimByIds(request.held()), parameters);
		}
		return claimed;
	}

	/**
	 * Where a locking read locks beyond its limit: read the ids of the claim's candidates
	 * without locks, lock those rows by their ids, and keep the ones still pending and
	 * due (another node may have claimed some in between). The lock names only the ids,
	 * so that the primary key finds the rows rather than the claim index.
	 */
	private List<ClaimedJob> lockCandidates(ClaimRequest request, MapSqlParameterSource parameters,
			RowMapper<ClaimedJob> mapper, Instant now) {
		List<Object> candidates = this.access.named()
			.query(this.statements.claimSelect("id", ":now", request), parameters,
					(rs, row) -> this.access.dialect().bind(this.access.dialect().jobId(rs, "id")));
		if (candidates.isEmpty()) {
			return List.of();
		}
		parameters.addValue("candidates", candidates);
		List<ClaimedJob> claimed = new ArrayList<>(candidates.size());
		this.access.named().query(this.statements.lockClaimCandidates(), parameters, (rs) -> {
			if ("PENDING".equals(rs.getString("status"))) {
				ClaimedJob job = mapper.mapRow(rs, claimed.size());
				if (!job.runAt().isAfter(now)) {
					claimed.add(job);
				}
			}
		});
		claimed.sort(MOST_URGENT_FIRST);
		return claimed;
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
