package dev.jobs.worker;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.jobs.engine.QueueSettings;

/**
 * Counts the running jobs of this node, in total and per queue, against the node's
 * concurrency and the per-queue limits; and which queues are paused: by this node's
 * configuration, or across the cluster as the store last said. A job of a paused queue
 * gets no slot.
 */
final class Capacity {

	private final int total;

	private final Map<String, Integer> limits = new HashMap<>();

	private final Map<String, Integer> running = new HashMap<>();

	private final Set<String> paused = new HashSet<>();

	private final Set<String> configuredPaused = new HashSet<>();

	private int runningTotal;

	Capacity(int total, Map<String, QueueSettings> queues) {
		this.total = total;
		queues.forEach((name, settings) -> {
			if (settings.concurrency() != null) {
				this.limits.put(name, settings.concurrency());
			}
			if (settings.paused()) {
				this.configuredPaused.add(name);
			}
		});
		this.paused.addAll(this.configuredPaused);
	}

	synchronized int free() {
		return this.total - this.runningTotal;
	}

	synchronized int freeIn(String queue) {
		Integer limit = this.limits.get(queue);
		int free = this.total - this.runningTotal;
		return (limit != null) ? Math.min(free, limit - this.running.getOrDefault(queue, 0)) : free;
	}

	synchronized Set<String> limitedQueues() {
		Set<String> limited = new HashSet<>(this.limits.keySet());
		limited.removeAll(this.paused);
		return limited;
	}

	synchronized Set<String> excludedFromSharedClaim() {
		Set<String> excluded = new HashSet<>(this.limits.keySet());
		excluded.addAll(this.paused);
		return excluded;
	}

	/**
	 * Take a slot for a job of the queue if the node and the queue have one free.
	 * @param queue the job's queue
	 * @return whether a slot was taken
	 */
	synchronized boolean tryAcquire(String queue) {
		Integer limit = this.limits.get(queue);
		if (this.paused.contains(queue) || this.runningTotal >= this.total
				|| (limit != null && this.running.getOrDefault(queue, 0) >= limit)) {
			return false;
		}
		acquire(queue);
		return true;
	}

	synchronized void acquire(String queue) {
		this.runningTotal++;
		this.running.merge(queue, 1, Integer::sum);
	}

	synchronized void release(String queue) {
		this.runningTotal--;
		this.running.merge(queue, -1, Integer::sum);
	}

	synchronized int running() {
		return this.runningTotal;
	}

	int total() {
		return this.total;
	}

	/**
	 * Take the queues paused across the cluster, as the store says now.
	 * @param pausedInCluster the queues
	 * @return the queues paused now, by configuration or across the cluster
	 */
	synchronized Set<String> pausedInCluster(Set<String> pausedInCluster) {
		this.paused.clear();
		this.paused.addAll(this.configuredPaused);
		this.paused.addAll(pausedInCluster);
		return Set.copyOf(this.paused);
	}

	synchronized SortedSet<String> pausedQueues() {
		return Collections.unmodifiableSortedSet(new TreeSet<>(this.paused));
	}

	synchronized boolean isPaused(String queue) {
		return this.paused.contains(queue);
	}

}
