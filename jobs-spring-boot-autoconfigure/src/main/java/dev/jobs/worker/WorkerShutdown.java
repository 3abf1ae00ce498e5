package dev.jobs.worker;

import java.time.Duration;
import java.util.List;

import dev.jobs.store.ClaimedJob;

/**
 * The ways a worker stops: gracefully, handing back the held jobs at once and the running
 * ones still unfinished after the shutdown timeout, or at once, as a crashed process
 * would, writing nothing more.
 */
final class WorkerShutdown {

	private final Runnable stopPolling;

	private final Duration timeout;

	private final HeldJobs held;

	private final RunningAttempts attempts;

	private final AttemptRunner runner;

	private final AttemptStarter starter;

	private final StartMarks startMarks;

	private final AttemptLogWriter logWriter;

	private final GroupCommitter committer;

	private final LeaseKeeper leaseKeeper;

	WorkerShutdown(Runnable stopPolling, Duration timeout, HeldJobs held, RunningAttempts attempts,
			AttemptRunner runner, AttemptStarter starter, StartMarks startMarks, AttemptLogWriter logWriter,
			GroupCommitter committer, LeaseKeeper leaseKeeper) {
		this.stopPolling = stopPolling;
		this.timeout = timeout;
		this.held = held;
		this.attempts = attempts;
		this.runner = runner;
		this.starter = starter;
		this.startMarks = startMarks;
		this.logWriter = logWriter;
		this.committer = committer;
		this.leaseKeeper = leaseKeeper;
	}

	/**
	 * Run the given stop on a thread of its own ({@code jobs-shutdown}), then the
	 * callback.
	 * @param stop the stop
	 * @param callback called once the stop has returned
	 */
	static void inBackground(Runnable stop, Runnable callback) {
		Thread thread = new Thread(() -> {
			try {
				stop.run();
			}
			finally {
				callback.run();
			}
		}, "jobs-shutdown");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Stop polling, hand back the held jobs, wait up to the shutdown timeout for the
	 * running ones, hand back those still running, then stop the writers and unregister
	 * the node.
	 * @return the number of running jobs handed back
	 */
	int stop() {
		this.stopPolling.run();
		for (ClaimedJob job : this.held.takeAll()) {
			this.runner.stop(new Attempt(job), StopReason.SHUTDOWN);
		}
		this.attempts.awaitNone(this.timeout);
		List<Attempt> handedBack = this.attempts.all();
		for (Attempt attempt : handedBack) {
			this.runner.stop(attempt, StopReason.SHUTDOWN);
		}
		this.starter.shutdownNow();
		this.startMarks.stop();
		this.logWriter.stop();
		this.committer.stop();
		this.leaseKeeper.stop(true);
		return handedBack.size();
	}

	/**
	 * Stop at once: no hand-back, no further writes, the node left registered with a
	 * heartbeat that grows stale.
	 */
	void halt() {
		this.leaseKeeper.stop(false);
		this.startMarks.stop();
		this.committer.halt();
		this.logWriter.stop();
		this.stopPolling.run();
		this.held.takeAll();
		for (Attempt attempt : this.attempts.all()) {
			this.runner.stop(attempt, StopReason.LOST);
		}
		this.starter.shutdownNow();
	}

}
