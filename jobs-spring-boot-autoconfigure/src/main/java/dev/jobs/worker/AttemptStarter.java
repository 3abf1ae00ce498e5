package dev.jobs.worker;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import dev.jobs.JobId;
import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.store.ClaimedJob;

/**
 * Starts held jobs, in the order they were claimed, while their queues have free slots
 * and the node may start work, each on a worker thread ({@code jobs-worker-N}) with its
 * timeout on the control thread ({@code jobs-control-1}). A worker thread runs held jobs
 * one after the other as long as there are; a settled attempt frees its slot for the
 * next. Cancellations and a lost lease stop attempts from the control thread.
 */
final class AttemptStarter {

	private static final Log logger = LogFactory.getLog(PollingJobWorker.class);

	private static final ThreadLocal<Attempt> CURRENT_ATTEMPT = new ThreadLocal<>();

	private final BooleanSupplier running;

	private final LeaseKeeper leaseKeeper;

	private final GroupCommitter committer;

	private final HeldJobs held;

	private final RunningAttempts attempts;

	private final AttemptRunner runner;

	private final JobLifecycleListener listener;

	private final StartMarks startMarks;

	private final Runnable slotFreed;

	private @Nullable WorkerThreads workers;

	private @Nullable ScheduledThreadPoolExecutor control;

	AttemptStarter(BooleanSupplier running, LeaseKeeper leaseKeeper, GroupCommitter committer, HeldJobs held,
			RunningAttempts attempts, AttemptRunner runner, JobLifecycleListener listener, StartMarks startMarks,
			Runnable slotFreed) {
		this.running = running;
		this.leaseKeeper = leaseKeeper;
		this.committer = committer;
		this.held = held;
		this.attempts = attempts;
		this.runner = runner;
		this.listener = listener;
		this.startMarks = startMarks;
		this.slotFreed = slotFreed;
	}

	/**
	 * Create the worker threads and the control thread.
	 * @param settings how the worker runs
	 */
	void start(WorkerSettings settings) {
		this.workers = settings.virtualThreads() ? WorkerThreads.virtual()
				: WorkerThreads.platform(settings.concurrency());
		CustomizableThreadFactory controlThreads = new CustomizableThreadFactory("jobs-control-");
		controlThreads.setDaemon(true);
		ScheduledThreadPoolExecutor controlExecutor = new ScheduledThreadPoolExecutor(1, controlThreads);
		controlExecutor.setRemoveOnCancelPolicy(true);
		this.control = controlExecutor;
	}

	/**
	 * Interrupt the worker threads and the control thread, and drop them.
	 */
	void shutdownNow() {
		if (this.control != null) {
			this.control.shutdownNow();
			this.control = null;
		}
		if (this.workers != null) {
			this.workers.shutdownNow();
			this.workers = null;
		}
	}

	/**
	 * Whether the node may start work: it holds its lease, and its heartbeats and the
	 * ends of its attempts get through to the database. A node cut off from the database
	 * starts nothing more once one of its writes waits longer than
	 * {@link LeaseKeeper#STALLED}, since the jobs it would start may soon be rescued and
	 * run elsewhere.
	 * @return whether it may
	 */
	boolean mayStartWork() {
		return this.leaseKeeper.isAlive() && this.committer.keepingUp(LeaseKeeper.STALLED);
	}

	/**
	 * Start held jobs while their queues have free slots, each on a worker thread.
	 */
	void startHeld() {
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
	 * Take the first held job whose queue has a free slot, and make it an attempt.
	 * @return the attempt, or {@code null} if no held job can start now
	 */
	private @Nullable Attempt nextHeld() {
		while (this.running.getAsBoolean() && mayStartWork()) {
			Attempt next = this.held.takeStartable(this.attempts);
			if (next == null) {
				return null;
			}
			if (begin(next)) {
				return next;
			}
		}
		return null;
	}

	private boolean begin(Attempt attempt) {
		ClaimedJob job = attempt.job();
		if (this.held.startedAhead(job.id())) {
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
					this.attempts.returned(attempt);
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

	/**
	 * Free the slot of a settled attempt and start the next held job.
	 * @param attempt the attempt
	 */
	void settled(Attempt attempt) {
		this.attempts.settled(attempt);
		if (CURRENT_ATTEMPT.get() != attempt) {
			// on the attempt's own worker thread, execute() starts the next held job
			startHeld();
		}
		this.slotFreed.run();
	}

	/**
	 * Stop a job that was asked to stop: a held one at once, a running one from the
	 * control thread.
	 * @param id the job id
	 */
	void cancel(JobId id) {
		ClaimedJob waiting = this.held.takeToSettle(id);
		if (waiting != null) {
			try {
				this.runner.stop(new Attempt(waiting), StopReason.CANCELLED);
			}
			finally {
				this.held.settled(id);
			}
			return;
		}
		Attempt attempt = this.attempts.get(id);
		ScheduledThreadPoolExecutor executor = this.control;
		if (attempt != null && executor != null) {
			executeQuietly(executor, () -> this.runner.stop(attempt, StopReason.CANCELLED));
		}
	}

	/**
	 * Hand back the held jobs of some queues, which must not start.
	 * @param queues which queues
	 * @param reason why
	 */
	void handBackHeld(Predicate<String> queues, StopReason reason) {
		for (ClaimedJob job : this.held.takeToSettle(queues)) {
			try {
				this.runner.stop(new Attempt(job), reason);
			}
			finally {
				this.held.settled(job.id());
			}
		}
	}

	/**
	 * Stop every running attempt as lost, from the control thread.
	 */
	void loseRunning() {
		ScheduledThreadPoolExecutor executor = this.control;
		for (Attempt attempt : this.attempts.all()) {
			if (executor != null) {
				executeQuietly(executor, () -> this.runner.stop(attempt, StopReason.LOST));
			}
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
