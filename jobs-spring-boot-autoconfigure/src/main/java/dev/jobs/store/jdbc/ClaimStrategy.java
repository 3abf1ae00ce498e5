package dev.jobs.store.jdbc;

import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.jobs.store.ClaimRequest;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.jdbc.dialect.ClaimAlgorithm;

/**
 * One way of claiming due jobs, with its statements and their binding: the
 * {@link ClaimAlgorithm} of the dialect.
 */
interface ClaimStrategy {

	/**
	 * Most urgent and oldest due first, then in enqueue order.
	 */
	Comparator<ClaimedJob> MOST_URGENT_FIRST = Comparator.comparingInt((ClaimedJob job) -> job.priority().rank())
		.thenComparing(ClaimedJob::runAt)
		.thenComparing(ClaimedJob::id);

	/**
	 * Claim jobs, in the caller's transaction.
	 * @param request the claim
	 * @param parameters the claim's parameters: {@code :names}, {@code :limit},
	 * {@code :owner} and {@code :queue} or {@code :excludedQueues} as the request has
	 * them
	 * @return the claimed jobs, most urgent first
	 */
	List<ClaimedJob> claim(ClaimRequest request, MapSqlParameterSource parameters);

	/**
	 * The strategy of the dialect's claim algorithm.
	 * @param access the JDBC access
	 * @param statements the claim statements
	 * @return the strategy
	 */
	static ClaimStrategy of(JdbcAccess access, ClaimStatements statements) {
		return switch (access.dialect().claimAlgorithm()) {
			case UPDATE_RETURNING -> new UpdateReturningClaim(access, statements);
			case LOCKING_SELECT -> SteppedClaim.lockingSelect(access, statements);
			case LOCK_CANDIDATES_BY_ID -> SteppedClaim.lockingCandidatesById(access, statements);
		};
	}

}
