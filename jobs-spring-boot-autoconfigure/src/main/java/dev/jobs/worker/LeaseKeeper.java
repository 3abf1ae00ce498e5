package dev.jobs.worker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.store.NodeLease;
import dev.jobs.store.NodeRegistry;
import dev.jobs.store.RescuedJob;
import dev.jobs.support.BackgroundThreads;

/**
 * Keeps this node's lease: on a thread of its own ({@code jobs-heartbeat}), and through a
 * registry that should use a connection of its own, so that busy workers and an exhausted
 * pool cannot starve it, it heartbeats every {@code heartbeatInterval} and, as often,
 * rescues the running jobs of nodes that stopped heartbeating.
 *
 * <p>
 * A node is not {@linkplain #isAlive() alive}, and starts no new work, since the others
 * may soon declare it dead, while its last heartbeat failed or has been waiting for the
 * database longer than {@link #STALLED}, and once its last good heartbeat is half of
 * {@code staleAfter} old. The first of a run of failed heartbeats is tried again after a
 * second rather than a whole interval later. After its own heartbeats failed, it waits a
 * full {@code staleAfter} of good heartbeats before it declares any other node dead,
 * since they may have been cut off by the same outage. A node that finds it was declared
 * dead gives up its running attempts, which have been rescued, and registers again.
 */
final class LeaseKeeper {

	private static final Log logger = LogFactory.getLog(LeaseKeeper.class);

	/**
	 * How long one of the node's own writes may wait for the database before the node
	 * takes it that it is cut off, and starts no new work until a write gets through.
	 */
	static final Duration STALLED = Duration.ofMillis(500);

	private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

	private final NodeRegistry registry;

	private final String node;

	private final Duration interval;

	private final Duration staleAfter;

	private final JobLifecycleListener listener;

	private final Runnable onLeaseLost;

	private final Runnable onRescued;

	private volatile long lastSuccess;

	private volatile long lastFailure;

	private volatile boolean failedSinceStart;

	private volatile long heartbeatSince;

	private volatile boolean givingUp;

	private volatile NodeLease lease;

	private ScheduledExecutorService executor;

	LeaseKeeper(NodeRegistry registry, String node, Duration interval, Duration staleAfter,
			JobLifecycleListener listener, Runnable onLeaseLost, Runnable onRescued) {
		this.registry = registry;
		this.node = node;
		this.interval = interval;
		this.staleAfter = staleAfter;
		this.listener = listener;
		this.onLeaseLost = onLeaseLost;
		this.onRescued = onRescued;
		this.lease = NodeLease.named(node);
	}

	/**
	 * Start heartbeating under a lease that {@link NodeRegistration} has registered.
	 * @param lease the node's name, instance token and handlers
	 */
	synchronized void start(NodeLease lease) {
		this.lease = lease;
		this.failedSinceStart = false;
		this.lastSuccess = System.nanoTime() - this.staleAfter.toNanos();
		try {
			this.registry.heartbeat(this.lease);
			this.lastSuccess = System.nanoTime();
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
		ScheduledThreadPoolExecutor scheduler = BackgroundThreads.lasting("jobs-heartbeat-");
		scheduler.scheduleWithFixedDelay(this::tick, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
		this.executor = scheduler;
	}

	void tick() {
		this.heartbeatSince = System.nanoTime();
		try {
			boolean known = this.registry.heartbeat(this.lease);
			if (!known) {
				logger.warn("Node " + this.node + " was declared dead by another node (no heartbeat for "
						+ this.staleAfter + "); its running attempts were rescued and are given up here");
				// alive again only once the jobs it held and ran, all rescued, are given
				// up:
				// until then a freed slot must not start a held job another node now owns
				this.givingUp = true;
				try {
					this.onLeaseLost.run();
					this.lastSuccess = System.nanoTime();
				}
				finally {
					this.givingUp = false;
				}
			}
			this.lastSuccess = System.nanoTime();
			if (mayDeclareOthersDead()) {
				rescue();
			}
		}
		catch (RuntimeException ex) {
			boolean firstOfStreak = !this.failedSinceStart || this.lastFailure - this.lastSuccess < 0;
			failed(ex);
			if (firstOfStreak) {
				retrySoon();
			}
		}
		finally {
			this.heartbeatSince = 0;
		}
	}

	private void retrySoon() {
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler != null && RETRY_AFTER_FAILURE.compareTo(this.interval) < 0) {
			try {
				scheduler.schedule(this::tick, RETRY_AFTER_FAILURE.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// stopped
			}
		}
	}

	private boolean mayDeclareOthersDead() {
		return !this.failedSinceStart || System.nanoTime() - this.lastFailure >= this.staleAfter.toNanos();
	}

	private void rescue() {
		List<RescuedJob> rescued = this.registry.rescueStaleNodes(this.staleAfter);
		for (RescuedJob job : rescued) {
			logger.warn("Rescued job " + job.id() + " (" + job.name() + ") of dead node " + job.deadNode()
					+ switch (job.fate()) {
						case PENDING -> ": it is pending again";
						case FAILED -> ": it failed, having used its attempts";
						case CANCELLED -> ": it is cancelled, as was requested while it ran";
					});
			this.listener.jobRescued(job);
			if (job.fate() == RescuedJob.Fate.CANCELLED) {
				this.listener.jobCancelled(job.id(), job.name(), job.queue(), null);
			}
		}
		if (!rescued.isEmpty()) {
			this.onRescued.run();
		}
	}

	private void failed(RuntimeException ex) {
		this.failedSinceStart = true;
		this.lastFailure = System.nanoTime();
		logger.warn("Heartbeat of node " + this.node + " failed: " + ex.getMessage());
	}

	/**
	 * Whether the node may start work: its last heartbeat got through, none is stalled,
	 * and the last good one is recent enough.
	 * @return whether the node is alive
	 */
	boolean isAlive() {
		if (this.givingUp) {
			return false;
		}
		long now = System.nanoTime();
		long success = this.lastSuccess;
		if (now - success >= this.staleAfter.toNanos() / 2
				|| (this.failedSinceStart && this.lastFailure - success > 0)) {
			return false;
		}
		long since = this.heartbeatSince;
		return since == 0 || now - since < STALLED.toNanos();
	}

	synchronized void stop(boolean unregister) {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
		if (unregister) {
			try {
				this.registry.unregister(this.lease);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not unregister node " + this.node + ": " + ex.getMessage());
			}
		}
	}

}
