package dev.jobs.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;

/**
 * The attempts running on this node, by job id. Settling an attempt frees its slot; a
 * thread still inside its handler then counts as stuck until it returns.
 */
final class RunningAttempts {

	private final Capacity capacity;

	private final Map<JobId, Attempt> attempts = new ConcurrentHashMap<>();

	private final Set<Attempt> stuck = ConcurrentHashMap.newKeySet();

	private final AtomicLong ended = new AtomicLong();

	RunningAttempts(Capacity capacity) {
		this.capacity = capacity;
	}

	/**
	 * Track an attempt whose slot is taken.
	 * @param attempt the attempt
	 */
	void track(Attempt attempt) {
		this.attempts.put(attempt.job().id(), attempt);
	}

	/**
	 * Stop tracking a settled attempt, freeing its slot, and count its thread as stuck if
	 * it is still inside the handler.
	 * @param attempt the attempt
	 */
	void settled(Attempt attempt) {
		if (this.attempts.remove(attempt.job().id(), attempt)) {
			this.capacity.release(attempt.job().queue());
			this.ended.incrementAndGet();
		}
		synchronized (attempt) {
			if (attempt.isInHandler()) {
				this.stuck.add(attempt);
			}
		}
	}

	/**
	 * Note that an attempt's thread returned from the handler.
	 * @param attempt the attempt
	 */
	void returned(Attempt attempt) {
		this.stuck.remove(attempt);
	}

	@Nullable Attempt get(JobId id) {
		return this.attempts.get(id);
	}

	boolean isEmpty() {
		return this.attempts.isEmpty();
	}

	/**
	 * The attempts running now.
	 * @return a copy
	 */
	List<Attempt> all() {
		return new ArrayList<>(this.attempts.values());
	}

	/**
	 * Add the job ids of the running attempts to a set.
	 * @param ids the set
	 */
	void addIds(Set<JobId> ids) {
		ids.addAll(this.attempts.keySet());
	}

	int stuckThreads() {
		return this.stuck.size();
	}

	/**
	 * How many attempts this node has ended in all.
	 * @return the count
	 */
	long ended() {
		return this.ended.get();
	}

	/**
	 * Wait until no attempt runs, or the timeout passes.
	 * @param timeout the longest wait
	 */
	void awaitNone(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!this.attempts.isEmpty() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
