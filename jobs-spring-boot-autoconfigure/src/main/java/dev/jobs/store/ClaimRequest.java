package dev.jobs.store;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a node may claim in one statement.
 *
 * @param owner the claiming node
 * @param names the job names the node has handlers for; no other job is claimed
 * @param queue the only queue to claim from, or {@code null} for every queue not in
 * {@code excludedQueues}
 * @param excludedQueues queues not to claim from when {@code queue} is {@code null}
 * @param limit how many jobs to claim at most
 */
public record ClaimRequest(String owner, Set<String> names, @Nullable String queue, Set<String> excludedQueues,
		int limit) {

}
