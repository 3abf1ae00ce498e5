package dev.jobs.worker;

import java.time.Duration;

import dev.jobs.JobExecution.Outcome;
import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.store.ClaimedJob;

/**
 * Notes when this node's retries are due, once written.
 */
final class RetriesDue implements JobLifecycleListener {

	private final KnownDueTimes dueTimes;

	RetriesDue(KnownDueTimes dueTimes) {
		this.dueTimes = dueTimes;
	}

	@Override
	public void jobRetryScheduled(ClaimedJob job, Outcome outcome, String error, Duration delay, Duration duration) {
		this.dueTimes.dueIn(delay);
	}

}
