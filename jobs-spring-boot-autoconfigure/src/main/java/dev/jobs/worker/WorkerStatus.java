package dev.jobs.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SortedSet;

import org.jspecify.annotations.Nullable;

/**
 * What this node's worker reports about itself, read by health, metrics and the endpoint.
 */
public interface WorkerStatus {

	/**
	 * The name of this node, as recorded in job executions.
	 * @return the node name
	 */
	String nodeName();

	/**
	 * Whether the worker runs.
	 * @return whether it runs
	 */
	boolean isRunning();

	/**
	 * How many jobs run on this node now.
	 * @return the number of running jobs
	 */
	int activeJobs();

	/**
	 * How many jobs may run on this node at once.
	 * @return the capacity
	 */
	int capacity();

	/**
	 * Threads still inside a handler whose attempt already ended (timed out or cancelled)
	 * because they ignored the interrupt.
	 * @return the number of stuck threads
	 */
	int stuckThreads();

	/**
	 * When the last poll succeeded.
	 * @return the time, or {@code null} if none has
	 */
	@Nullable Instant lastPoll();

	/**
	 * The queues this node does not claim jobs of.
	 * @return their names, sorted
	 */
	SortedSet<String> pausedQueues();

	/**
	 * Whether this node's worker was asked to stop starting jobs
	 * ({@code JobsOperations.stopWorkers}); it keeps its lease and runs its running jobs
	 * to their end.
	 * @return whether a stop is asked
	 */
	default boolean stopRequested() {
		return false;
	}

	/**
	 * When the worker last started.
	 * @return the time, or {@code null} if it never has; still set once it stopped
	 */
	@Nullable Instant startedAt();

	/**
	 * The worker's poll interval.
	 * @return the interval
	 */
	Duration pollInterval();

	/**
	 * The recurring jobs this node leaves out because their row cannot be read or their
	 * schedule cannot be parsed.
	 * @return the errors, by recurring job name
	 */
	Map<String, String> unreadableRecurringJobs();

}
