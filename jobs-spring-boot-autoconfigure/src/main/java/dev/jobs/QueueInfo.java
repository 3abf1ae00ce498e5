package dev.jobs;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A queue of the cluster: how many of its jobs are in each status, whether it is paused
 * across the cluster, and how fast it completes jobs.
 *
 * @param name the queue name
 * @param counts how many of its jobs are in each status, every status present
 * @param paused whether it is paused across the cluster ({@link Jobs#pauseQueue(String)})
 * @param pausedOnThisNode whether this node's configuration pauses it
 * ({@code jobs.queues.<name>.paused=true})
 * @param concurrency how many of its jobs may run at once on this node, or {@code null}
 * for no limit beyond the node's own
 * @param completedPerMinute the jobs of the queue completed per minute, averaged over the
 * last five minutes, by the database's clock
 * @since 0.1.0
 */
public record QueueInfo(String name, Map<JobStatus, Long> counts, boolean paused, boolean pausedOnThisNode,
		@Nullable Integer concurrency, double completedPerMinute) {

	/**
	 * Create a queue's description.
	 * @param name the queue name
	 * @param counts how many of its jobs are in each status; missing statuses count 0
	 * @param paused whether it is paused across the cluster
	 * @param pausedOnThisNode whether this node's configuration pauses it
	 * @param concurrency its limit on this node, or {@code null}
	 * @param completedPerMinute its completion rate over the last five minutes
	 */
	public QueueInfo {
		Map<JobStatus, Long> all = new EnumMap<>(JobStatus.class);
		for (JobStatus status : JobStatus.values()) {
			all.put(status, counts.getOrDefault(status, 0L));
		}
		counts = Collections.unmodifiableMap(all);
	}

	/**
	 * How many of the queue's jobs are in a status.
	 * @param status the status
	 * @return the count
	 */
	public long count(JobStatus status) {
		return this.counts.get(status);
	}

}
