package dev.jobs.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

import dev.jobs.support.BackgroundThreads;

/**
 * Runs this node's periodic checks (health changes, queue backlogs) on a daemon thread
 * ({@code jobs-monitor}) at a fixed delay, whether or not anyone reads the health or the
 * metrics. It stops before the worker, so that a node shutting down does not report its
 * own shutdown as a health change.
 */
public class PeriodicChecks implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(PeriodicChecks.class);

	private final List<Runnable> checks;

	private final Duration interval;

	private @Nullable ScheduledExecutorService executor;

	/**
	 * Create the checks.
	 * @param checks the checks, each run once per interval
	 * @param interval the delay between two runs
	 */
	public PeriodicChecks(List<Runnable> checks, Duration interval) {
		this.checks = List.copyOf(checks);
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		if (this.executor != null || this.checks.isEmpty()) {
			return;
		}
		ScheduledThreadPoolExecutor scheduler = BackgroundThreads.lasting("jobs-monitor-");
		scheduler.scheduleWithFixedDelay(this::runChecks, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		this.executor = scheduler;
	}

	/**
	 * Run every check once, now, on the calling thread.
	 */
	public void runChecks() {
		for (Runnable check : this.checks) {
			try {
				check.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Jobs check " + check + " failed", ex);
			}
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	@Override
	public int getPhase() {
		// stops before the worker (DEFAULT_PHASE - 1024)
		return DEFAULT_PHASE - 512;
	}

}
