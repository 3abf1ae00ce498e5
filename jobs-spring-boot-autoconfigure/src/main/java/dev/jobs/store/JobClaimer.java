package dev.jobs.store;

import java.util.List;

/**
 * Claims due jobs for this node.
 */
public interface JobClaimer {

	/**
	 * Claim due jobs, most urgent first, then oldest due first. Each claimed job is
	 * {@code RUNNING}, owned by the requesting node, with its attempt counted and a new
	 * fencing token.
	 * @param request what may be claimed
	 * @return the claimed jobs, at most {@code request.limit()}
	 */
	List<ClaimedJob> claim(ClaimRequest request);

}
