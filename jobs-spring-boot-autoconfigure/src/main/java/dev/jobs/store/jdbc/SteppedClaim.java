package dev.jobs.store.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.jobs.store.ClaimRequest;
import dev.jobs.store.ClaimedJob;

/**
 * The claim in steps, where an update cannot return the rows it changed: it reads the
 * database's clock, locks the rows to claim, and updates those rows by id. The rows are
 * locked by a locking select of the claim ({@link #lockingSelect}) or, where a locking
 * read locks beyond its limit (H2), by id after an unlocked read of the candidates
 * ({@link #lockingCandidatesById}).
 */
final class SteppedClaim implements ClaimStrategy {

	private final JdbcAccess access;

	private final ClaimStatements statements;

	private final DatabaseClock clock;

	private final RowLock lock;

	private SteppedClaim(JdbcAccess access, ClaimStatements statements, RowLock lock) {
		this.access = access;
		this.statements = statements;
		this.clock = new DatabaseClock(access);
		this.lock = lock;
	}

	/**
	 * The claim that locks its rows with a locking select.
	 * @param access the JDBC access
	 * @param statements the claim statements
	 * @return the claim
	 */
	static SteppedClaim lockingSelect(JdbcAccess access, ClaimStatements statements) {
		return new SteppedClaim(access, statements, (request, parameters, mapper, now) -> access.named()
			.query(statements.claimLockingSelect(JobColumns.CLAIMED, ":now", request), parameters, mapper));
	}

	/**
	 * The claim that reads the ids of its candidates without locks, locks those rows by
	 * their ids, and keeps the ones still pending and due (another node may have claimed
	 * some in between). The lock names only the ids, so that the primary key finds the
	 * rows rather than the claim index.
	 * @param access the JDBC access
	 * @param statements the claim statements
	 * @return the claim
	 */
	static SteppedClaim lockingCandidatesById(JdbcAccess access, ClaimStatements statements) {
		return new SteppedClaim(access, statements, (request, parameters, mapper, now) -> lockCandidates(access,
				statements, request, parameters, mapper, now));
	}

	@Override
	public List<ClaimedJob> claim(ClaimRequest request, MapSqlParameterSource parameters) {
		Instant now = this.clock.now();
		parameters.addValue("now", this.access.dialect().bind(now));
		RowMapper<ClaimedJob> mapper = JobRowMapper.claimed(this.access.dialect(), request.owner(), now);
		List<ClaimedJob> claimed = this.lock.lock(request, parameters, mapper, now);
		if (!claimed.isEmpty()) {
			parameters.addValue("ids", claimed.stream().map((job) -> this.access.dialect().bind(job.id())).toList());
			this.access.named().update(this.statements.claimByIds(request.held()), parameters);
		}
		return claimed;
	}

	private static List<ClaimedJob> lockCandidates(JdbcAccess access, ClaimStatements statements, ClaimRequest request,
			MapSqlParameterSource parameters, RowMapper<ClaimedJob> mapper, Instant now) {
		List<Object> candidates = access.named()
			.query(statements.claimSelect("id", ":now", request), parameters,
					(rs, row) -> access.dialect().bind(access.dialect().jobId(rs, "id")));
		if (candidates.isEmpty()) {
			return List.of();
		}
		parameters.addValue("candidates", candidates);
		List<ClaimedJob> claimed = new ArrayList<>(candidates.size());
		access.named().query(statements.lockClaimCandidates(), parameters, (rs) -> {
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

	/**
	 * Locks the rows a claim takes, as they are before the claim.
	 */
	@FunctionalInterface
	private interface RowLock {

		List<ClaimedJob> lock(ClaimRequest request, MapSqlParameterSource parameters, RowMapper<ClaimedJob> mapper,
				Instant now);

	}

}
