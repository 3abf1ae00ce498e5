package dev.jobs.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobStats;

/**
 * The counts of jobs by queue and status, read with one grouped query at most once per
 * interval however many readers (gauges, health, backlog checks) ask for them. A failed
 * read is kept for the interval too and thrown to every reader, so that an unreachable
 * database costs one attempt per interval as well.
 */
public class CachedJobStats {

	private final Supplier<JobStats> query;

	private final long intervalNanos;

	private final List<Consumer<JobStats>> refreshListeners = new CopyOnWriteArrayList<>();

	private @Nullable JobStats stats;

	private @Nullable RuntimeException failure;

	private long readAt;

	private boolean read;

	/**
	 * Create the cache.
	 * @param query reads the counts, typically {@code JobQueries::stats}
	 * @param interval how long a read is kept
	 */
	public CachedJobStats(Supplier<JobStats> query, Duration interval) {
		this.query = query;
		this.intervalNanos = interval.toNanos();
	}

	/**
	 * The counts, read again if the last read is older than the interval.
	 * @return the counts
	 * @throws RuntimeException the failure of the last read, if it failed
	 */
	public JobStats get() {
		JobStats fresh = null;
		JobStats current;
		synchronized (this) {
			if (!this.read || System.nanoTime() - this.readAt >= this.intervalNanos) {
				this.read = true;
				try {
					fresh = this.query.get();
					this.stats = fresh;
					this.failure = null;
				}
				catch (RuntimeException ex) {
					this.failure = ex;
				}
				this.readAt = System.nanoTime();
			}
			if (this.failure != null) {
				throw this.failure;
			}
			current = this.stats;
		}
		if (fresh != null) {
			for (Consumer<JobStats> listener : this.refreshListeners) {
				listener.accept(fresh);
			}
		}
		return current;
	}

	/**
	 * Be told of each successful read, for instance to register gauges of queues that
	 * appear.
	 * @param listener called with the new counts, outside the cache's lock
	 */
	public void onRefresh(Consumer<JobStats> listener) {
		this.refreshListeners.add(listener);
	}

}
