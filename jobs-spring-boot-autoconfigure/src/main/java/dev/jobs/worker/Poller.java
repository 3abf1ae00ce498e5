package dev.jobs.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;
import dev.jobs.handler.JobHandlerRegistry;
import dev.jobs.store.AttemptResult;
import dev.jobs.store.ClaimRequest;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.JobStore;

/**
 * The poll loop, on its own thread ({@code jobs-poller}). Each poll reads, once a poll
 * interval or when told, which queues are paused across the cluster and whether this
 * node's worker should run, and hands back the held jobs it must not start. While a stop
 * of the worker is asked, it only looks for cancel requests of the jobs still running and
 * hands back untracked jobs. Otherwise each poll starts held jobs, looks for cancel
 * requests, hands back untracked jobs, fires due recurring jobs, and claims due jobs:
 * first from queues with a limit of their own (each up to its free slots), then from all
 * other queues that are not paused, in one statement per claim. The shared claim asks for
 * the free slots, and, while claims come back full and jobs end quickly, for a few more
 * that the node holds ready (see {@link ClaimSizer}). It polls again at once when a claim
 * came back full, and otherwise sleeps for the poll interval, until woken, or until the
 * earliest due time it knows of. A failed poll backs off with jitter, up to a few
 * seconds.
 */
final class Poller {

	private static final Log logger = LogFactory.getLog(PollingJobWorker.class);

	private static final Duration MAX_POLL_BACKOFF = Duration.ofSeconds(5);

	private final WorkerSettings settings;

	private final JobStore store;

	private final JobHandlerRegistry handlers;

	private final Capacity capacity;

	private final HeldJobs held;

	private final RunningAttempts attempts;

	private final AttemptStarter starter;

	private final GroupCommitter committer;

	private final RecurringCadence recurring;

	private final KnownDueTimes dueTimes;

	private final WakeUp wakeUp;

	private final BooleanSupplier running;

	private final ClaimSizer claimSizer = new ClaimSizer();

	private volatile @Nullable Instant lastPoll;

	private long lastCancelCheck;

	private long lastControlsRead;

	private volatile boolean controlsChanged = true;

	private volatile boolean workerWanted = true;

	private long lastOwnedCheck = System.nanoTime();

	private @Nullable Thread thread;

	Poller(WorkerSettings settings, JobStore store, JobHandlerRegistry handlers, Capacity capacity, HeldJobs held,
			RunningAttempts attempts, AttemptStarter starter, GroupCommitter committer, RecurringCadence recurring,
			KnownDueTimes dueTimes, WakeUp wakeUp, BooleanSupplier running) {
		this.settings = settings;
		this.store = store;
		this.handlers = handlers;
		this.capacity = capacity;
		this.held = held;
		this.attempts = attempts;
		this.starter = starter;
		this.committer = committer;
		this.recurring = recurring;
		this.dueTimes = dueTimes;
		this.wakeUp = wakeUp;
		this.running = running;
	}

	void start() {
		Thread poller = new Thread(this::pollLoop, "jobs-poller");
		// not a daemon: a node whose worker runs keeps the JVM alive, like Spring's
		// scheduler
		poller.setDaemon(false);
		this.thread = poller;
		poller.start();
	}

	/**
	 * Wait, up to 30 seconds, for the poll loop to end once the worker no longer runs.
	 */
	void join() {
		Thread poller = this.thread;
		if (poller != null) {
			try {
				poller.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
	}

	@Nullable Instant lastPoll() {
		return this.lastPoll;
	}

	/**
	 * A slot was freed: poll at once if a claim is worth it; when nothing is due that
	 * costs one empty query.
	 */
	void slotFreed() {
		if (this.claimSizer.size(this.capacity.free(), this.held.count()) > 0) {
			this.wakeUp.wake();
		}
	}

	private void pollLoop() {
		int failures = 0;
		while (this.running.getAsBoolean()) {
			try {
				if (!this.starter.mayStartWork()) {
					this.wakeUp.sleep(this.settings.pollInterval(), this.running);
					continue;
				}
				readControls();
				if (!this.workerWanted) {
					checkCancelRequests();
					handBackUntracked();
					this.lastPoll = Instant.now();
					failures = 0;
					this.wakeUp.sleep(this.settings.pollInterval(), this.running);
					continue;
				}
				this.starter.startHeld();
				checkCancelRequests();
				handBackUntracked();
				Duration untilRecurring = this.recurring.fireQuietly();
				boolean moreDue = claimAndRun();
				this.lastPoll = Instant.now();
				failures = 0;
				if (!moreDue || this.claimSizer.size(this.capacity.free(), this.held.count()) == 0) {
					this.wakeUp.sleep(untilNextPoll(untilRecurring), this.running);
				}
			}
			catch (RuntimeException ex) {
				failures++;
				Duration pause = pollBackoff(failures);
				logger.warn("Jobs poll of node " + this.settings.nodeName() + " failed (" + failures
						+ " in a row), next try in " + pause.toMillis() + "ms: " + ex.getMessage());
				this.wakeUp.sleep(pause, this.running);
			}
		}
	}

	/**
	 * The poll interval, or less when a recurring job or a job this node knows of is due
	 * sooner.
	 */
	private Duration untilNextPoll(Duration untilRecurring) {
		Duration wait = (untilRecurring.compareTo(this.settings.pollInterval()) < 0) ? untilRecurring
				: this.settings.pollInterval();
		Duration untilKnownDue = this.dueTimes.untilEarliest();
		return (untilKnownDue != null && untilKnownDue.compareTo(wait) < 0) ? untilKnownDue : wait;
	}

	private Duration pollBackoff(int failures) {
		long base = Math.min(MAX_POLL_BACKOFF.toMillis(),
				Math.max(100, this.settings.pollInterval().toMillis()) << Math.min(failures - 1, 10));
		return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
	}

	/**
	 * A queue was paused or resumed, or workers were started or stopped, through this
	 * node: read them at the next poll, at once.
	 */
	void controlsChanged() {
		this.controlsChanged = true;
		this.wakeUp.wake();
	}

	/**
	 * Whether this node's worker should run, as last read.
	 * @return {@code false} while a stop is asked
	 */
	boolean workerWanted() {
		return this.workerWanted;
	}

	private void readControls() {
		if (!this.controlsChanged
				&& System.nanoTime() - this.lastControlsRead < this.settings.pollInterval().toNanos()) {
			return;
		}
		this.controlsChanged = false;
		this.lastControlsRead = System.nanoTime();
		Set<String> paused = this.capacity.pausedInCluster(this.store.queues().paused());
		boolean wanted = this.store.nodes().workerWanted(this.settings.nodeName());
		if (wanted != this.workerWanted) {
			logger.info("The worker of node " + this.settings.nodeName()
					+ (wanted ? " starts again, as asked" : " stops starting jobs, as asked; running jobs run on"));
			this.workerWanted = wanted;
		}
		if (wanted) {
			this.starter.handBackHeld(paused::contains, StopReason.PAUSED);
		}
		else {
			this.starter.handBackHeld((queue) -> true, StopReason.WORKER_STOPPED);
		}
	}

	private void checkCancelRequests() {
		if (this.attempts.isEmpty()
				|| System.nanoTime() - this.lastCancelCheck < this.settings.pollInterval().toNanos()) {
			return;
		}
		this.lastCancelCheck = System.nanoTime();
		for (JobId id : this.store.nodes().cancelRequested(this.settings.nodeName())) {
			this.starter.cancel(id);
		}
	}

	/**
	 * Hand back, once a heartbeat interval, the running jobs this node owns in the
	 * database but no longer tracks: neither held, nor running, nor with an end to write.
	 * They are left by a claim whose commit succeeded though the node saw it fail, and by
	 * an end that could not be written. Each goes back to pending as at shutdown, its
	 * attempt not counted. It runs on the poller thread, between claims, and takes what
	 * the node tracks before it reads what it owns, so that no claim lands in between.
	 */
	private void handBackUntracked() {
		if (System.nanoTime() - this.lastOwnedCheck < this.settings.heartbeatInterval().toNanos()) {
			return;
		}
		this.lastOwnedCheck = System.nanoTime();
		Set<JobId> tracked = new HashSet<>();
		this.held.addHeldIds(tracked);
		this.attempts.addIds(tracked);
		this.held.addSettlingIds(tracked);
		tracked.addAll(this.committer.unwrittenJobs());
		Instant now = Instant.now();
		for (ClaimedJob job : this.store.attempts().running(this.settings.nodeName())) {
			if (!tracked.contains(job.id())) {
				logger.warn("Node " + this.settings.nodeName() + " owns running job " + job.id() + " (" + job.name()
						+ ") but no longer tracks it; it is handed back");
				this.committer.submit(job,
						new AttemptResult.HandedBack("Interrupted: node " + job.owner()
								+ " handed the job back, having lost track of attempt " + job.attempt()
								+ " (its claim or its end could not be recorded)"),
						null, Math.max(0, Duration.between(job.startedAt(), now).toMillis()));
			}
		}
	}

	/**
	 * Claim due jobs for the free slots, and some to hold ready while jobs end quickly,
	 * and start them. Claims wait while many ends of attempts are still unwritten.
	 * @return whether some claim got as many jobs as it asked for, so that more are
	 * likely due
	 */
	private boolean claimAndRun() {
		if (this.committer.unwritten() >= 4 * this.settings.groupCommit().maxSize()) {
			return false;
		}
		Set<String> names = this.handlers.names();
		boolean moreDue = false;
		for (String queue : this.capacity.limitedQueues()) {
			int free = this.capacity.freeIn(queue);
			if (free > 0) {
				ClaimRequest request = new ClaimRequest(this.settings.nodeName(), names, queue, Set.of(), free);
				moreDue |= claimAndRun(request) == free;
			}
		}
		int heldCount = this.held.count();
		int size = this.claimSizer.size(this.capacity.free(), heldCount);
		if (size > 0) {
			// held jobs take the free slots first; the jobs claimed beyond the other free
			// slots are held, and claimed as such, so that a rescue counts no attempt
			// that never started
			int startNow = Math.min(size, Math.max(0, this.capacity.free() - heldCount));
			Set<String> excluded = this.capacity.excludedFromSharedClaim();
			int got = (startNow > 0)
					? claimAndRun(new ClaimRequest(this.settings.nodeName(), names, null, excluded, startNow)) : 0;
			if (got == startNow && size > startNow) {
				got += claimAndRun(
						new ClaimRequest(this.settings.nodeName(), names, null, excluded, size - startNow, true));
			}
			this.claimSizer.claimed(size, got, this.attempts.ended());
			moreDue |= got == size;
		}
		return moreDue;
	}

	private int claimAndRun(ClaimRequest request) {
		List<ClaimedJob> claimed = this.store.claimer().claim(request);
		this.held.add(claimed, request.held());
		this.starter.startHeld();
		return claimed.size();
	}

}
