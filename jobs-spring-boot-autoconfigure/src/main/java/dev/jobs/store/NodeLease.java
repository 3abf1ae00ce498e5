package dev.jobs.store;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a node registers under its name: the random token of the process that holds the
 * name, so that a second process with the same name is told apart and refused, and the
 * job names it has handlers for, and how many jobs it runs at once.
 *
 * @param name the node name
 * @param instance the token of this process's hold on the name
 * @param handlers the job names this node runs, sorted
 * @param concurrency how many jobs it runs at once, or {@code null} if it does not say
 */
public record NodeLease(String name, String instance, Set<String> handlers, @Nullable Integer concurrency) {

	/**
	 * Create a lease, copying the handler names.
	 * @param name the node name
	 * @param instance the token of this process's hold on the name
	 * @param handlers the job names this node runs
	 * @param concurrency how many jobs it runs at once, or {@code null}
	 */
	public NodeLease {
		handlers = Collections.unmodifiableSortedSet(new TreeSet<>(handlers));
	}

	/**
	 * A lease with a new random instance token.
	 * @param name the node name
	 * @param handlers the job names this node runs
	 * @return the lease
	 */
	public static NodeLease random(String name, Set<String> handlers) {
		return random(name, handlers, null);
	}

	/**
	 * A lease with a new random instance token, of a node that runs a number of jobs at
	 * once.
	 * @param name the node name
	 * @param handlers the job names this node runs
	 * @param concurrency how many jobs it runs at once, or {@code null}
	 * @return the lease
	 */
	public static NodeLease random(String name, Set<String> handlers, @Nullable Integer concurrency) {
		return new NodeLease(name, UUID.randomUUID().toString(), handlers, concurrency);
	}

	/**
	 * The lease of a tool or test that acts as a node by its name alone: its instance
	 * token is its name, and it has no handlers.
	 * @param name the node name
	 * @return the lease
	 */
	public static NodeLease named(String name) {
		return new NodeLease(name, name, Set.of(), null);
	}

}
