package dev.jobs;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts of jobs by status, in total and per queue.
 *
 * @since 0.1.0
 */
public final class JobStats {

	private final Map<String, Map<JobStatus, Long>> countsByQueue;

	private final Map<JobStatus, Long> counts;

	/**
	 * Create stats from counts per queue.
	 * @param countsByQueue for each queue, the number of jobs in each status
	 */
	public JobStats(Map<String, Map<JobStatus, Long>> countsByQueue) {
		Map<String, Map<JobStatus, Long>> copy = new TreeMap<>();
		Map<JobStatus, Long> totals = new EnumMap<>(JobStatus.class);
		countsByQueue.forEach((queue, byStatus) -> {
			Map<JobStatus, Long> queueCounts = new EnumMap<>(JobStatus.class);
			queueCounts.putAll(byStatus);
			copy.put(queue, Collections.unmodifiableMap(queueCounts));
			byStatus.forEach((status, count) -> totals.merge(status, count, Long::sum));
		});
		this.countsByQueue = Collections.unmodifiableMap(copy);
		this.counts = Collections.unmodifiableMap(totals);
	}

	/**
	 * The number of jobs in the given status.
	 * @param status the status
	 * @return the count, 0 when there are none
	 */
	public long count(JobStatus status) {
		return this.counts.getOrDefault(status, 0L);
	}

	/**
	 * The number of jobs in any status.
	 * @return the total
	 */
	public long total() {
		return this.counts.values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * The stats of one queue.
	 * @param queue the queue name
	 * @return its stats, empty when the queue has no jobs
	 */
	public JobStats queue(String queue) {
		Map<JobStatus, Long> byStatus = this.countsByQueue.get(queue);
		return new JobStats((byStatus != null) ? Map.of(queue, byStatus) : Map.of());
	}

	/**
	 * The names of the queues that hold jobs.
	 * @return the queue names, sorted
	 */
	public Set<String> queues() {
		return this.countsByQueue.keySet();
	}

	/**
	 * The counts by status, for serialisation.
	 * @return the count of each status, every status present
	 */
	public Map<JobStatus, Long> counts() {
		Map<JobStatus, Long> all = new LinkedHashMap<>();
		for (JobStatus status : JobStatus.values()) {
			all.put(status, count(status));
		}
		return all;
	}

	@Override
	public String toString() {
		return "JobStats" + counts();
	}

}
