package dev.jobs.engine;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.jobs.store.NewJob;
import dev.jobs.store.NodeRegistry;
import dev.jobs.support.BackgroundThreads;

/**
 * Which job names the live nodes have handlers for, as each node lists them in its row of
 * the nodes table. The enqueue of a job costs a look-up in a copy of that list; a name
 * that the copy lacks, or any name once the copy is older than {@code refreshInterval},
 * is checked against a fresh copy, read off the enqueuing thread at most once per
 * interval. If no live node handles it, a warning says so, once per name per
 * {@code warnInterval}. Such jobs stay pending, and {@link #unhandledJobs()} reports them
 * for health and the endpoint.
 */
public class HandlerCoverage implements JobLifecycleListener, AutoCloseable {

	private static final Log logger = LogFactory.getLog(HandlerCoverage.class);

	private final NodeRegistry registry;

	private final Duration staleAfter;

	private final long refreshNanos;

	private final long warnNanos;

	private final ScheduledThreadPoolExecutor executor;

	private final AtomicBoolean refreshScheduled = new AtomicBoolean();

	private final Set<String> suspects = ConcurrentHashMap.newKeySet();

	private final Map<String, Long> warnedAt = new ConcurrentHashMap<>();

	private volatile Set<String> live = Set.of();

	private volatile long refreshedAt;

	private volatile boolean refreshed;

	private @Nullable SortedMap<String, Long> unhandled;

	private long unhandledReadAt;

	/**
	 * Create the coverage.
	 * @param registry the registry of nodes
	 * @param staleAfter how long without a heartbeat makes a node dead
	 * @param refreshInterval how long a read of the live nodes' handlers is kept, the
	 * heartbeat interval
	 * @param warnInterval how long after a warning about a name the next one may come
	 */
	public HandlerCoverage(NodeRegistry registry, Duration staleAfter, Duration refreshInterval,
			Duration warnInterval) {
		this.registry = registry;
		this.staleAfter = staleAfter;
		this.refreshNanos = refreshInterval.toNanos();
		this.warnNanos = warnInterval.toNanos();
		this.executor = BackgroundThreads.onDemand("jobs-handler-coverage-");
	}

	@Override
	public void jobEnqueued(NewJob job) {
		if (this.live.contains(job.name()) && System.nanoTime() - this.refreshedAt < this.refreshNanos) {
			return;
		}
		this.suspects.add(job.name());
		scheduleRefresh();
	}

	/**
	 * The names of pending jobs that no live node has a handler for, with their numbers
	 * of pending jobs, read at most once per refresh interval.
	 * @return the counts by job name, sorted by name
	 */
	public synchronized SortedMap<String, Long> unhandledJobs() {
		long now = System.nanoTime();
		if (this.unhandled == null || now - this.unhandledReadAt >= this.refreshNanos) {
			this.unhandled = this.registry.unhandledJobs(this.staleAfter);
			this.unhandledReadAt = now;
		}
		return this.unhandled;
	}

	private void scheduleRefresh() {
		if (!this.refreshScheduled.compareAndSet(false, true)) {
			return;
		}
		long delay = this.refreshed ? Math.max(0, this.refreshedAt + this.refreshNanos - System.nanoTime()) : 0;
		try {
			this.executor.schedule(this::refresh, delay, TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// closed
			this.refreshScheduled.set(false);
		}
	}

	private void refresh() {
		this.refreshScheduled.set(false);
		this.refreshedAt = System.nanoTime();
		this.refreshed = true;
		Set<String> names;
		try {
			names = this.registry.liveHandlers(this.staleAfter);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the handlers of the live nodes; trying again", ex);
			scheduleRefresh();
			return;
		}
		this.live = names;
		for (Iterator<String> iterator = this.suspects.iterator(); iterator.hasNext();) {
			String name = iterator.next();
			iterator.remove();
			if (!names.contains(name)) {
				warn(name);
			}
		}
	}

	private void warn(String name) {
		long now = System.nanoTime();
		Long last = this.warnedAt.get(name);
		if (last != null && now - last < this.warnNanos) {
			return;
		}
		this.warnedAt.put(name, now);
		logger.warn("Job '" + name + "' was enqueued, but no live node has a handler for it: its jobs stay pending"
				+ " until a node with that handler runs (they are listed under 'unhandled' in the jobs health and"
				+ " endpoint); this warning repeats at most every " + Duration.ofNanos(this.warnNanos));
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
