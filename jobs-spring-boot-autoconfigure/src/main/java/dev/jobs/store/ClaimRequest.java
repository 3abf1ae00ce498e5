package dev.jobs.store;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a node may claim in one statement.
 * <p>
 * Jobs claimed to be held are claimed ahead of a free slot: {@code RUNNING} under the
 * node, their attempt counted as any claim's, but without a start time, which tells a
 * rescue that they may not have started, so that it does not count their attempt.
 *
 * @param owner the claiming node
 * @param names the job names the node has handlers for; no other job is claimed
 * @param queue the only queue to claim from, or {@code null} for every queue not in
 * {@code excludedQueues}
 * @param excludedQueues queues not to claim from when {@code queue} is {@code null}
 * @param limit how many jobs to claim at most
 * @param held whether the node holds the jobs ahead of a free slot rather than starting
 * them at once
 */
public record ClaimRequest(String owner, Set<String> names, @Nullable String queue, Set<String> excludedQueues,
		int limit, boolean held) {

	/**
	 * What a node may claim in one statement, to start at once.
	 * @param owner the claiming node
	 * @param names the job names the node has handlers for
	 * @param queue the only queue to claim from, or {@code null}
	 * @param excludedQueues queues not to claim from when {@code queue} is {@code null}
	 * @param limit how many jobs to claim at most
	 */
	public ClaimRequest(String owner, Set<String> names, @Nullable String queue, Set<String> excludedQueues,
			int limit) {
		this(owner, names, queue, excludedQueues, limit, false);
	}

}
