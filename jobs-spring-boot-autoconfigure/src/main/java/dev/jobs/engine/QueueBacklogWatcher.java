package dev.jobs.engine;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;

import dev.jobs.JobStats;
import dev.jobs.JobStatus;
import dev.jobs.event.QueueBacklogEvent;

/**
 * Publishes a {@link QueueBacklogEvent} when a queue's due pending jobs rise above its
 * backlog threshold, and once more when they fall back to it or under; never twice in a
 * row for the same side. Every queue starts on the side under its threshold.
 */
public class QueueBacklogWatcher implements Runnable {

	private final Map<String, Integer> thresholds;

	private final CachedJobStats stats;

	private final ApplicationEventPublisher publisher;

	private final Set<String> above = new HashSet<>();

	/**
	 * Create the watcher.
	 * @param thresholds the backlog threshold of each watched queue
	 * @param stats the cached counts
	 * @param publisher publishes the events
	 */
	public QueueBacklogWatcher(Map<String, Integer> thresholds, CachedJobStats stats,
			ApplicationEventPublisher publisher) {
		this.thresholds = Map.copyOf(thresholds);
		this.stats = stats;
		this.publisher = publisher;
	}

	@Override
	public synchronized void run() {
		if (this.thresholds.isEmpty()) {
			return;
		}
		JobStats current = this.stats.get();
		this.thresholds.forEach((queue, threshold) -> {
			long pending = current.queue(queue).count(JobStatus.PENDING);
			boolean nowAbove = pending > threshold;
			if (nowAbove != this.above.contains(queue)) {
				if (nowAbove) {
					this.above.add(queue);
				}
				else {
					this.above.remove(queue);
				}
				this.publisher.publishEvent(new QueueBacklogEvent(queue, pending, threshold, nowAbove));
			}
		});
	}

	@Override
	public String toString() {
		return "queue backlog watcher " + this.thresholds;
	}

}
