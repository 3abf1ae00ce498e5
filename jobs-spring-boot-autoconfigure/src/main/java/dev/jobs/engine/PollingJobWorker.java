package dev.jobs.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import dev.jobs.JobExecution.Outcome;
import dev.jobs.JobId;
import dev.jobs.JobWorker;
import dev.jobs.handler.JobHandlerRegistry;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.store.AttemptResult;
import dev.jobs.store.ClaimRequest;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.JobStore;
import dev.jobs.store.NodeLease;
import dev.jobs.store.NodeRegistry;

/**
 * This node's {@link JobWorker}. A poller thread ({@code jobs-poller}) claims due jobs,
 * first from queues with a limit of their own (each up to its free slots), then from all
 * other queues that are not paused, in one statement per claim. The shared claim asks for
 * the free slots, and, while claims come back full and jobs end quickly, for a few more
 * that the node holds ready (see {@link ClaimSizer}); a freed slot starts the next held
 * job at once. The poller polls again at once when a claim came back full, and otherwise
 * sleeps for {@code poll-interval} or until woken by a local enqueue, a notification or a
 * freed slot, or until the earliest due time it knows of (a recurring job's next run, a
 * retry of its own, a job enqueued on it with a delay) if that comes sooner. Handlers run
 * on {@code jobs-worker-N} threads, platform or virtual; the ends of attempts are written
 * in batches by a {@link GroupCommitter}; timeouts and cancellations are enforced from a
 * control thread; the lines handlers log are stored while they run by an
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
public class PollingJobWorker implements JobWorker, WorkerSignals {

	private static final Log logger = LogFactory.getLog(PollingJobWorker.class);

	private static final Duration MAX_POLL_BACKOFF = Duration.ofSeconds(5);

	private static final ThreadLocal<Attempt> CURRENT_ATTEMPT = new ThreadLocal<>();

	private final WorkerSettings settings;

	private final JobStore store;

	private final JobHandlerRegistry handlers;

	private final JobLifecycleListener listener;

	private final Capacity capacity;

	private final LeaseKeeper leaseKeeper;

	private final NodeRegistration registration;

	private final AttemptRunner runner;

	private final GroupCommitter committer;

	private final AttemptLogWriter logWriter = new AttemptLogWriter();

	private final ClaimSizer claimSizer = new ClaimSizer();

	private final ArrayDeque<ClaimedJob> held = new ArrayDeque<>();

	private final KnownDueTimes dueTimes = new KnownDueTimes();

	private final AtomicLong ended = new AtomicLong();

	private final boolean autoStartup;

	private final Map<JobId, Attempt> attempts = new ConcurrentHashMap<>();

	private final Set<Attempt> stuck = ConcurrentHashMap.newKeySet();

	private final Set<JobId> settlingHeld = ConcurrentHashMap.newKeySet();

	private final Set<JobId> claimedAhead = ConcurrentHashMap.newKeySet();

	private final StartMarks startMarks;

	private final ReentrantLock wakeLock = new ReentrantLock();

	private final Condition wakeCondition = this.wakeLock.newCondition();

	private boolean wakeRequested;

	private volatile boolean running;

	private volatile @Nullable Instant lastPoll;

	private volatile @Nullable Instant startedAt;

	private long lastCancelCheck;

	private long lastOwnedCheck = System.nanoTime();

	private volatile long nextRecurringCheck;

	private @Nullable RecurringJobFirer recurring;

	private @Nullable Thread poller;

	private @Nullable WorkerThreads workers;

	private @Nullable ScheduledThreadPoolExecutor control;

	/**
	 * Create a worker.
	 * @param settings how it runs
	 * @param store the store
	 * @param heartbeatRegistry the node registry used for heartbeats and rescue, best on
	 * a connection of its own
	 * @param handlers the handlers of this node
	 * @param settingsResolver resolves the settings of job names
	 * @param payloadMapper reads payloads and writes results
	 * @param listener is told what happens to jobs
	 * @param publisher publishes the events of {@code JobContext.publish}
	 * @param autoStartup whether it starts with the application context
	 */
	public PollingJobWorker(WorkerSettings settings, JobStore store, NodeRegistry heartbeatRegistry,
			JobHandlerRegistry handlers, JobSettingsResolver settingsResolver, JobPayloadMapper payloadMapper,
			JobLifecycleListener listener, ApplicationEventPublisher publisher, boolean autoStartup) {
		this.settings = settings;
		this.store = store;
		this.handlers = handlers;
		this.listener = listener;
		this.autoStartup = autoStartup;
		this.capacity = new Capacity(settings.concurrency(), settings.queues());
		this.leaseKeeper = new LeaseKeeper(heartbeatRegistry, settings.nodeName(), settings.heartbeatInterval(),
				settings.staleAfter(), listener, this::leaseLost, this::jobsEnqueued);
		this.registration = new NodeRegistration(heartbeatRegistry, settings.staleAfter(),
				settings.heartbeatInterval());
		this.committer = new GroupCommitter(store.attempts(),
				new JobLifecycleListeners(List.of(listener, new RetriesDue(this.dueTimes))), settings.groupCommit(),
				settings.staleAfter(), this::wake);
		this.startMarks = new StartMarks(store.attempts());
		this.runner = new AttemptRunner(handlers, settingsResolver, payloadMapper, store.attempts(), this.committer,
				publisher, this::settled, this.logWriter);
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		NodeLease lease = NodeLease.random(this.settings.nodeName(), this.handlers.names());
		this.registration.register(lease);
		this.workers = this.settings.virtualThreads() ? WorkerThreads.virtual()
				: WorkerThreads.platform(this.settings.concurrency());
		CustomizableThreadFactory controlThreads = new CustomizableThreadFactory("jobs-control-");
		controlThreads.setDaemon(true);
		ScheduledThreadPoolExecutor controlExecutor = new ScheduledThreadPoolExecutor(1, controlThreads);
		controlExecutor.setRemoveOnCancelPolicy(true);
		this.control = controlExecutor;
		this.leaseKeeper.start(lease);
		this.committer.start();
		this.startMarks.start();
		this.startedAt = Instant.now();
		this.running = true;
		Thread thread = new Thread(this::pollLoop, "jobs-poller");
		// not a daemon: a node whose worker runs keeps the JVM alive, like Spring's
		// scheduler
		thread.setDaemon(false);
		this.poller = thread;
		thread.start();
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
		Thread thread = new Thread(() -> {
			try {
				stop();
			}
			finally {
				callback.run();
			}
		}, "jobs-shutdown");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void stop() {
		List<Attempt> handedBack;
		synchronized (this) {
			if (!this.running) {
				return;
			}
			stopPolling();
			for (ClaimedJob job : takeHeld()) {
				this.runner.stop(new Attempt(job), StopReason.SHUTDOWN);
			}
			awaitRunningAttempts(this.settings.shutdownTimeout());
			handedBack = new ArrayList<>(this.attempts.values());
			for (Attempt attempt : handedBack) {
				this.runner.stop(attempt, StopReason.SHUTDOWN);
			}
			shutdownExecutors();
			this.startMarks.stop();
			this.logWriter.stop();
			this.committer.stop();
			this.leaseKeeper.stop(true);
		}
		logger.info("Jobs worker of node " + this.settings.nodeName() + " stopped"
				+ (handedBack.isEmpty() ? "" : "; handed back " + handedBack.size() + " running job(s)"));
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
		this.leaseKeeper.stop(false);
		this.startMarks.stop();
		this.committer.halt();
		this.logWriter.stop();
		stopPolling();
		takeHeld();
		for (Attempt attempt : new ArrayList<>(this.attempts.values())) {
			this.runner.stop(attempt, StopReason.LOST);
		}
		shutdownExecutors();
	}

	private void stopPolling() {
		this.running = false;
		wake();
		Thread thread = this.poller;
		if (thread != null) {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.poller = null;
	}

	private void awaitRunningAttempts(Duration timeout) {
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

	private void shutdownExecutors() {
		if (this.control != null) {
			this.control.shutdownNow();
			this.control = null;
		}
		if (this.workers != null) {
			this.workers.shutdownNow();
			this.workers = null;
		}
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

	/**
	 * Threads still inside a handler whose attempt already ended (timed out or cancelled)
	 * because they ignored the interrupt.
	 * @return the number of stuck threads
	 */
	public int stuckThreads() {
		return this.stuck.size();
	}

	/**
	 * When the last poll succeeded.
	 * @return the time, or {@code null} if none has
	 */
	public @Nullable Instant lastPoll() {
		return this.lastPoll;
	}

	/**
	 * The queues this node does not claim jobs of.
	 * @return their names, sorted
	 */
	public SortedSet<String> pausedQueues() {
		return this.capacity.pausedQueues();
	}

	/**
	 * When the worker last started.
	 * @return the time, or {@code null} if it never has; still set once it stopped
	 */
	public @Nullable Instant startedAt() {
		return this.startedAt;
	}

	/**
	 * The worker's poll interval.
	 * @return the interval
	 */
	public Duration pollInterval() {
		return this.settings.pollInterval();
	}

	/**
	 * Stop claiming jobs of a queue on this node.
	 * @param queue the queue name
	 */
	public void pauseQueue(String queue) {
		this.capacity.pause(queue);
	}

	/**
	 * Claim jobs of a queue again on this node.
	 * @param queue the queue name
	 */
	public void resumeQueue(String queue) {
		this.capacity.resume(queue);
		wake();
	}

	@Override
	public void jobsEnqueued() {
		wake();
	}

	@Override
	public void jobDueIn(Duration delay) {
		this.dueTimes.dueIn(delay);
		wake();
	}

	@Override
	public void cancelRequested(JobId id) {
		ClaimedJob waiting;
		synchronized (this.held) {
			waiting = takeHeld(id);
			if (waiting != null) {
				this.settlingHeld.add(id);
			}
		}
		if (waiting != null) {
			try {
				this.runner.stop(new Attempt(waiting), StopReason.CANCELLED);
			}
			finally {
				this.settlingHeld.remove(id);
			}
			return;
		}
		Attempt attempt = this.attempts.get(id);
		ScheduledThreadPoolExecutor executor = this.control;
		if (attempt != null && executor != null) {
			executeQuietly(executor, () -> this.runner.stop(attempt, StopReason.CANCELLED));
		}
	}

	private void wake() {
		this.wakeLock.lock();
		try {
			this.wakeRequested = true;
			this.wakeCondition.signalAll();
		}
		finally {
			this.wakeLock.unlock();
		}
	}

	private void sleep(Duration duration) {
		this.wakeLock.lock();
		try {
			long nanos = duration.toNanos();
			while (!this.wakeRequested && this.running && nanos > 0) {
				nanos = this.wakeCondition.awaitNanos(nanos);
			}
			this.wakeRequested = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.wakeLock.unlock();
		}
	}

	private void pollLoop() {
		int failures = 0;
		while (this.running) {
			try {
				if (!mayStartWork()) {
					sleep(this.settings.pollInterval());
					continue;
				}
				startHeld();
				checkCancelRequests();
				handBackUntracked();
				Duration untilRecurring = fireRecurringQuietly();
				boolean moreDue = claimAndRun();
				this.lastPoll = Instant.now();
				failures = 0;
				if (!moreDue || this.claimSizer.size(this.capacity.free(), heldCount()) == 0) {
					sleep(untilNextPoll(untilRecurring));
				}
			}
			catch (RuntimeException ex) {
				failures++;
				Duration pause = pollBackoff(failures);
				logger.warn("Jobs poll of node " + this.settings.nodeName() + " failed (" + failures
						+ " in a row), next try in " + pause.toMillis() + "ms: " + ex.getMessage());
				sleep(pause);
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

	/**
	 * Fire the due occurrences of recurring jobs, when one may be due; a failure is
	 * logged, and the poll goes on to claim.
	 * @return how long until the next check
	 */
	private Duration fireRecurringQuietly() {
		try {
			return fireRecurring();
		}
		catch (RuntimeException ex) {
			logger.warn("Firing recurring jobs on node " + this.settings.nodeName() + " failed; claims go on: "
					+ ex.getMessage());
			this.nextRecurringCheck = System.nanoTime() + this.settings.pollInterval().toNanos();
			return this.settings.pollInterval();
		}
	}

	/**
	 * Fire the due occurrences of recurring jobs, when one may be due.
	 * @return how long until the next check
	 */
	private Duration fireRecurring() {
		RecurringJobFirer firer = this.recurring;
		if (firer == null) {
			return this.settings.pollInterval();
		}
		long now = System.nanoTime();
		if (now - this.nextRecurringCheck < 0) {
			return Duration.ofNanos(this.nextRecurringCheck - now);
		}
		firer.fireDue();
		Duration wait = firer.untilNextDue();
		if (wait == null || wait.compareTo(this.settings.pollInterval()) > 0) {
			wait = this.settings.pollInterval();
		}
		this.nextRecurringCheck = System.nanoTime() + wait.toNanos();
		return wait;
	}

	/**
	 * The recurring jobs this node leaves out because their row cannot be read or their
	 * schedule cannot be parsed.
	 * @return the errors, by recurring job name
	 */
	public Map<String, String> unreadableRecurringJobs() {
		RecurringJobFirer firer = this.recurring;
		return (firer != null) ? firer.unreadable() : Map.of();
	}

	/**
	 * Fire recurring jobs from this worker's poll loop.
	 * @param firer the firer
	 */
	public void setRecurringJobFirer(RecurringJobFirer firer) {
		this.recurring = firer;
	}

	/**
	 * Keep the lines handlers log through {@code JobContext.log()} with their jobs.
	 * @param logs where and how many
	 */
	public void setJobLogs(JobLogs logs) {
		this.runner.logs(logs);
	}

	@Override
	public void schedulesChanged() {
		this.nextRecurringCheck = System.nanoTime();
		wake();
	}

	private Duration pollBackoff(int failures) {
		long base = Math.min(MAX_POLL_BACKOFF.toMillis(),
				Math.max(100, this.settings.pollInterval().toMillis()) << Math.min(failures - 1, 10));
		return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
	}

	private void checkCancelRequests() {
		if (this.attempts.isEmpty()
				|| System.nanoTime() - this.lastCancelCheck < this.settings.pollInterval().toNanos()) {
			return;
		}
		this.lastCancelCheck = System.nanoTime();
		for (JobId id : this.store.nodes().cancelRequested(this.settings.nodeName())) {
			cancelRequested(id);
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
		synchronized (this.held) {
			this.held.forEach((job) -> tracked.add(job.id()));
		}
		tracked.addAll(this.attempts.keySet());
		tracked.addAll(this.settlingHeld);
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
		int held = heldCount();
		int size = this.claimSizer.size(this.capacity.free(), held);
		if (size > 0) {
			// held jobs take the free slots first; the jobs claimed beyond the other free
			// slots are held, and claimed as such, so that a rescue counts no attempt
			// that never started
			int startNow = Math.min(size, Math.max(0, this.capacity.free() - held));
			Set<String> excluded = this.capacity.excludedFromSharedClaim();
			int got = (startNow > 0)
					? claimAndRun(new ClaimRequest(this.settings.nodeName(), names, null, excluded, startNow)) : 0;
			if (got == startNow && size > startNow) {
				got += claimAndRun(
						new ClaimRequest(this.settings.nodeName(), names, null, excluded, size - startNow, true));
			}
			this.claimSizer.claimed(size, got, this.ended.get());
			moreDue |= got == size;
		}
		return moreDue;
	}

	private int claimAndRun(ClaimRequest request) {
		List<ClaimedJob> claimed = this.store.claimer().claim(request);
		if (request.held()) {
			claimed.forEach((job) -> this.claimedAhead.add(job.id()));
		}
		synchronized (this.held) {
			this.held.addAll(claimed);
		}
		startHeld();
		return claimed.size();
	}

	/**
	 * Start held jobs, in the order they were claimed, while their queues have free
	 * slots, each on a worker thread.
	 */
	private void startHeld() {
		Attempt attempt;
		while ((attempt = nextHeld()) != null) {
			Attempt next = attempt;
			try {
				WorkerThreads workerThreads = this.workers;
				if (workerThreads == null) {
					throw new RejectedExecutionException("worker stopped");
				}
				workerThreads.execute(() -> execute(next));
			}
			catch (RejectedExecutionException ex) {
				this.runner.stop(next, StopReason.SHUTDOWN);
			}
		}
	}

	/**
	 * Whether the node may start work: it holds its lease, and its heartbeats and the
	 * ends of its attempts get through to the database. A node cut off from the database
	 * starts nothing more once one of its writes waits longer than
	 * {@link LeaseKeeper#STALLED}, since the jobs it would start may soon be rescued and
	 * run elsewhere.
	 */
	private boolean mayStartWork() {
		return this.leaseKeeper.isAlive() && this.committer.keepingUp(LeaseKeeper.STALLED);
	}

	/**
	 * Take the first held job whose queue has a free slot, and make it an attempt.
	 * @return the attempt, or {@code null} if no held job can start now
	 */
	private @Nullable Attempt nextHeld() {
		while (this.running && mayStartWork()) {
			Attempt next = null;
			synchronized (this.held) {
				for (Iterator<ClaimedJob> jobs = this.held.iterator(); jobs.hasNext();) {
					ClaimedJob job = jobs.next();
					if (this.capacity.tryAcquire(job.queue())) {
						jobs.remove();
						// tracked as running before it is no longer held
						next = new Attempt(job);
						this.attempts.put(job.id(), next);
						break;
					}
				}
			}
			if (next == null) {
				return null;
			}
			if (begin(next)) {
				return next;
			}
		}
		return null;
	}

	private int heldCount() {
		synchronized (this.held) {
			return this.held.size();
		}
	}

	private List<ClaimedJob> takeHeld() {
		synchronized (this.held) {
			List<ClaimedJob> jobs = new ArrayList<>(this.held);
			this.held.clear();
			this.claimedAhead.clear();
			return jobs;
		}
	}

	private @Nullable ClaimedJob takeHeld(JobId id) {
		synchronized (this.held) {
			for (Iterator<ClaimedJob> jobs = this.held.iterator(); jobs.hasNext();) {
				ClaimedJob job = jobs.next();
				if (job.id().equals(id)) {
					jobs.remove();
					this.claimedAhead.remove(id);
					return job;
				}
			}
			return null;
		}
	}

	private boolean begin(Attempt attempt) {
		ClaimedJob job = attempt.job();
		if (this.claimedAhead.remove(job.id())) {
			this.startMarks.started(job);
		}
		this.listener.jobStarted(job);
		ScheduledThreadPoolExecutor controlExecutor = this.control;
		try {
			if (controlExecutor == null) {
				throw new RejectedExecutionException("worker stopped");
			}
			attempt.timeout(controlExecutor.schedule(() -> this.runner.stop(attempt, StopReason.TIMED_OUT),
					job.timeout().toMillis(), TimeUnit.MILLISECONDS));
			return true;
		}
		catch (RejectedExecutionException ex) {
			this.runner.stop(attempt, StopReason.SHUTDOWN);
			return false;
		}
	}

	/**
	 * Run an attempt on this worker thread, then held jobs as long as there are, so that
	 * a busy node keeps its threads rather than handing each job to a new one.
	 */
	private void execute(Attempt first) {
		Attempt attempt = first;
		while (attempt != null) {
			CURRENT_ATTEMPT.set(attempt);
			try {
				if (this.runner.run(attempt)) {
					this.stuck.remove(attempt);
				}
			}
			catch (RuntimeException ex) {
				logger.error("Unexpected failure while running job " + attempt.job().id(), ex);
			}
			finally {
				CURRENT_ATTEMPT.remove();
			}
			attempt = nextHeld();
		}
	}

	private void settled(Attempt attempt) {
		if (this.attempts.remove(attempt.job().id(), attempt)) {
			this.capacity.release(attempt.job().queue());
			this.ended.incrementAndGet();
		}
		synchronized (attempt) {
			if (attempt.isInHandler()) {
				this.stuck.add(attempt);
			}
		}
		if (CURRENT_ATTEMPT.get() != attempt) {
			// on the attempt's own worker thread, execute() starts the next held job
			startHeld();
		}
		// a freed slot is worth a claim; when nothing is due that costs one empty query
		if (this.claimSizer.size(this.capacity.free(), heldCount()) > 0) {
			wake();
		}
	}

	private void leaseLost() {
		takeHeld();
		this.committer.leaseLost();
		ScheduledThreadPoolExecutor executor = this.control;
		for (Attempt attempt : new ArrayList<>(this.attempts.values())) {
			if (executor != null) {
				executeQuietly(executor, () -> this.runner.stop(attempt, StopReason.LOST));
			}
		}
	}

	/**
	 * Notes when this node's retries are due, once written.
	 */
	private static final class RetriesDue implements JobLifecycleListener {

		private final KnownDueTimes dueTimes;

		RetriesDue(KnownDueTimes dueTimes) {
			this.dueTimes = dueTimes;
		}

		@Override
		public void jobRetryScheduled(ClaimedJob job, Outcome outcome, String error, Duration delay,
				Duration duration) {
			this.dueTimes.dueIn(delay);
		}

	}

	private static void executeQuietly(ScheduledThreadPoolExecutor executor, Runnable task) {
		try {
			executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			// the worker is stopping; it settles the remaining attempts itself
		}
	}

}
