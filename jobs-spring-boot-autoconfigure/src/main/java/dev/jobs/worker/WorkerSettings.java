package dev.jobs.worker;

import java.time.Duration;
import java.util.Map;

import dev.jobs.engine.QueueSettings;

/**
 * How this node's worker runs.
 *
 * @param nodeName the node's name
 * @param concurrency how many jobs may run at once
 * @param pollInterval how often an idle worker looks for due jobs
 * @param shutdownTimeout how long a graceful stop waits for running jobs
 * @param heartbeatInterval how often the node heartbeats and looks for dead nodes
 * @param staleAfter how long without a heartbeat makes a node dead
 * @param queues per-queue settings by queue name
 * @param groupCommit how the ends of attempts are written in batches
 * @param virtualThreads whether handlers run on virtual threads (Java 21 or later)
 */
public record WorkerSettings(String nodeName, int concurrency, Duration pollInterval, Duration shutdownTimeout,
		Duration heartbeatInterval, Duration staleAfter, Map<String, QueueSettings> queues,
		GroupCommitSettings groupCommit, boolean virtualThreads) {

	/**
	 * Create settings, checking them.
	 * @param nodeName the node's name
	 * @param concurrency how many jobs may run at once
	 * @param pollInterval how often an idle worker looks for due jobs
	 * @param shutdownTimeout how long a graceful stop waits for running jobs
	 * @param heartbeatInterval how often the node heartbeats and looks for dead nodes
	 * @param staleAfter how long without a heartbeat makes a node dead
	 * @param queues per-queue settings by queue name
	 * @param groupCommit how the ends of attempts are written in batches
	 * @param virtualThreads whether handlers run on virtual threads (Java 21 or later)
	 */
	public WorkerSettings {
		if (concurrency < 1) {
			throw new IllegalArgumentException("Worker concurrency must be at least 1, was " + concurrency);
		}
		if (staleAfter.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException("Worker stale-after (" + staleAfter
					+ ") must be at least twice the heartbeat interval (" + heartbeatInterval + ")");
		}
		queues = Map.copyOf(queues);
	}

}
