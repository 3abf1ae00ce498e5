package dev.jobs.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

import dev.jobs.JobId;
import dev.jobs.JobWorker;
import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.engine.JobSettingsResolver;
import dev.jobs.engine.WorkerSignals;
import dev.jobs.handler.JobHandlerRegistry;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.recurring.RecurringJobFirer;
import dev.jobs.store.JobStore;
import dev.jobs.store.NodeLease;
import dev.jobs.store.NodeRegistry;

/**
 * This node's {@link JobWorker}: it starts and stops the parts that claim and run jobs,
 * and reports on them. A poller thread ({@code jobs-poller}) claims due jobs, and while
 * claims come back full and jobs end quickly a few more that the node holds ready; it
 * polls again at once when a claim came back full, and otherwise after
 * {@code poll-interval}, a local enqueue, a notification, a freed slot, or the earliest
 * due time it knows of (a recurring job's next run, a retry of its own, a job enqueued on
 * it with a delay). Handlers run on {@code jobs-worker-N} threads, platform or virtual;
 * timeouts and cancellations are enforced from a control thread; the ends of attempts are
 * written in batches by a {@link GroupCommitter}, the lines handlers log by an
 * {@link AttemptLogWriter} ({@code jobs-log-writer}). A slot is freed when its attempt is
 * settled, even if the handler ignores the interrupt: that thread then counts as stuck
 * until it returns.
 *
 * <p>
 * A failed poll never stops the worker: it backs off with jitter, up to a few seconds,
 * and carries on when the database is back. A node that is not alive starts no job, held
 * ones included. Once a heartbeat interval it hands back the running jobs it owns in the
 * database but no longer tracks, such as those of a claim whose commit it saw fail.
 */
public class PollingJobWorker implements JobWorker, WorkerStatus, WorkerSignals {

	private static final Log logger = LogFactory.getLog(PollingJobWorker.class);

	private final WorkerSettings settings;

	private final JobHandlerRegistry handlers;

	private final boolean autoStartup;

	private final Capacity capacity;

	private final WakeUp wakeUp = new WakeUp();

	private final KnownDueTimes dueTimes = new KnownDueTimes();

	private final HeldJobs held;

	private final RunningAttempts attempts;

	private final LeaseKeeper leaseKeeper;

	private final NodeRegistration registration;

	private final GroupCommitter committer;

	private final StartMarks startMarks;

	private final AttemptLogWriter logWriter = new AttemptLogWriter();

	private final AttemptRunner runner;

	private final AttemptStarter starter;

	private final RecurringCadence recurring;

	private final Poller poller;

	private final WorkerShutdown shutdown;

	private volatile boolean running;

	private volatile @Nullable Instant startedAt;

	/**
	 * Start building a worker.
	 * @param store the store
	 * @param handlers the handlers of this node
	 * @return the builder
	 */
	public static WorkerBuilder builder(JobStore store, JobHandlerRegistry handlers) {
		return new WorkerBuilder(store, handlers);
	}

	PollingJobWorker(WorkerSettings settings, JobStore store, NodeRegistry heartbeatRegistry,
			JobHandlerRegistry handlers, JobSettingsResolver settingsResolver, JobPayloadMapper payloadMapper,
			JobLifecycleListener listener, ApplicationEventPublisher publisher, boolean autoStartup,
			@Nullable RecurringJobFirer recurringJobFirer, @Nullable JobLogs jobLogs) {
		this.settings = settings;
		this.handlers = handlers;
		this.autoStartup = autoStartup;
		this.capacity = new Capacity(settings.concurrency(), settings.queues());
		this.held = new HeldJobs(this.capacity);
		this.attempts = new RunningAttempts(this.capacity);
		this.leaseKeeper = new LeaseKeeper(heartbeatRegistry, settings.nodeName(), settings.heartbeatInterval(),
				settings.staleAfter(), listener, this::leaseLost, this::jobsEnqueued);
		this.registration = new NodeRegistration(heartbeatRegistry, settings.staleAfter(),
				settings.heartbeatInterval());
		this.committer = new GroupCommitter(store.attempts(),
				JobLifecycleListener.all(List.of(listener, new RetriesDue(this.dueTimes))), settings.groupCommit(),
				settings.staleAfter(), this.wakeUp::wake);
		this.startMarks = new StartMarks(store.attempts());
		this.runner = new AttemptRunner(handlers, settingsResolver, payloadMapper, store.attempts(), this.committer,
				publisher, this::settled, this.logWriter, jobLogs);
		this.starter = new AttemptStarter(() -> this.running, this.leaseKeeper, this.committer, this.held,
				this.attempts, this.runner, listener, this.startMarks, this::slotFreed);
		this.recurring = new RecurringCadence(settings.pollInterval(), settings.nodeName(), recurringJobFirer);
		this.poller = new Poller(settings, store, handlers, this.capacity, this.held, this.attempts, this.starter,
				this.committer, this.recurring, this.dueTimes, this.wakeUp, () -> this.running);
		this.shutdown = new WorkerShutdown(this::stopPolling, settings.shutdownTimeout(), this.held, this.attempts,
				this.runner, this.starter, this.startMarks, this.logWriter, this.committer, this.leaseKeeper);
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		NodeLease lease = NodeLease.random(this.settings.nodeName(), this.handlers.names(),
				this.settings.concurrency());
		this.registration.register(lease);
		this.starter.start(this.settings);
		this.leaseKeeper.start(lease);
		this.committer.start();
		this.startMarks.start();
		this.startedAt = Instant.now();
		this.running = true;
		this.poller.start();
		logger.info("Jobs worker of node " + this.settings.nodeName() + " started (concurrency "
				+ this.settings.concurrency() + (this.settings.virtualThreads() ? " on virtual threads" : "")
				+ ", handlers " + this.handlers.names() + ")");
	}

	/**
	 * Stop gracefully, as {@link #stop()} does, on a thread of its own
	 * ({@code jobs-shutdown}), so that the other members of this lifecycle phase, such as
	 * the web server's graceful shutdown, stop at the same time rather than after the
	 * wait for running jobs.
	 * @param callback called once the worker has stopped
	 */
	@Override
	public void stop(Runnable callback) {
		if (!this.running) {
			callback.run();
			return;
		}
		WorkerShutdown.inBackground(this::stop, callback);
	}

	@Override
	public void stop() {
		int handedBack;
		synchronized (this) {
			if (!this.running) {
				return;
			}
			handedBack = this.shutdown.stop();
		}
		logger.info("Jobs worker of node " + this.settings.nodeName() + " stopped"
				+ ((handedBack != 0) ? "; handed back " + handedBack + " running job(s)" : ""));
	}

	/**
	 * Stop at once, as a crashed process would: no hand-back, no further writes, the node
	 * left registered with a heartbeat that grows stale, so another node rescues its
	 * jobs. For tests of crash recovery.
	 */
	public synchronized void halt() {
		if (!this.running) {
			return;
		}
		this.shutdown.halt();
	}

	private void stopPolling() {
		this.running = false;
		this.wakeUp.wake();
		this.poller.join();
	}

	/**
	 * The lease was lost: give up the held and the running jobs, which other nodes may
	 * now run, before the lease keeper counts the node alive again.
	 */
	private void leaseLost() {
		this.held.takeAll();
		this.committer.leaseLost();
		this.starter.loseRunning();
	}

	private void settled(Attempt attempt) {
		this.starter.settled(attempt);
	}

	private void slotFreed() {
		this.poller.slotFreed();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	/**
	 * The phase of the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}), so
	 * that both stop together, before the web server itself and the data source.
	 * @return the phase
	 */
	@Override
	public int getPhase() {
		return DEFAULT_PHASE - 1024;
	}

	@Override
	public String nodeName() {
		return this.settings.nodeName();
	}

	@Override
	public int activeJobs() {
		return this.capacity.running();
	}

	@Override
	public int capacity() {
		return this.capacity.total();
	}

	@Override
	public int stuckThreads() {
		return this.attempts.stuckThreads();
	}

	@Override
	public @Nullable Instant lastPoll() {
		return this.poller.lastPoll();
	}

	@Override
	public SortedSet<String> pausedQueues() {
		return this.capacity.pausedQueues();
	}

	@Override
	public @Nullable Instant startedAt() {
		return this.startedAt;
	}

	@Override
	public Duration pollInterval() {
		return this.settings.pollInterval();
	}

	@Override
	public Map<String, String> unreadableRecurringJobs() {
		return this.recurring.unreadable();
	}

	@Override
	public void controlsChanged() {
		this.poller.controlsChanged();
	}

	@Override
	public boolean stopRequested() {
		return !this.poller.workerWanted();
	}

	@Override
	public void jobsEnqueued() {
		this.wakeUp.wake();
	}

	@Override
	public void jobDueIn(Duration delay) {
		this.dueTimes.dueIn(delay);
		this.wakeUp.wake();
	}

	@Override
	public void schedulesChanged() {
		this.recurring.checkNow();
		this.wakeUp.wake();
	}

	@Override
	public void cancelRequested(JobId id) {
		this.starter.cancel(id);
	}

}
