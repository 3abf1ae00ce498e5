package dev.jobs.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.jobs.JobExecution.Outcome;
import dev.jobs.JobId;
import dev.jobs.store.AttemptResult;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.NewJob;
import dev.jobs.store.RescuedJob;

/**
 * Calls every registered {@link JobLifecycleListener}, so that one that throws neither
 * stops the others nor disturbs the job.
 */
final class JobLifecycleListeners implements JobLifecycleListener {

	private static final Log logger = LogFactory.getLog(JobLifecycleListeners.class);

	private final List<JobLifecycleListener> listeners;

	/**
	 * Create the composite.
	 * @param listeners the listeners, in order
	 */
	JobLifecycleListeners(List<JobLifecycleListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	private void each(Consumer<JobLifecycleListener> call) {
		for (JobLifecycleListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Job lifecycle listener " + listener + " failed", ex);
			}
		}
	}

	@Override
	public void jobEnqueued(NewJob job) {
		each((listener) -> listener.jobEnqueued(job));
	}

	@Override
	public void jobStarted(ClaimedJob job) {
		each((listener) -> listener.jobStarted(job));
	}

	@Override
	public void attemptEnded(ClaimedJob job, AttemptResult result, @Nullable Object value, Duration duration) {
		each((listener) -> listener.attemptEnded(job, result, value, duration));
	}

	@Override
	public void jobCompleted(ClaimedJob job, @Nullable Object result, Duration duration) {
		each((listener) -> listener.jobCompleted(job, result, duration));
	}

	@Override
	public void jobRetryScheduled(ClaimedJob job, Outcome outcome, String error, Duration delay, Duration duration) {
		each((listener) -> listener.jobRetryScheduled(job, outcome, error, delay, duration));
	}

	@Override
	public void jobFailed(ClaimedJob job, Outcome outcome, String error, Duration duration) {
		each((listener) -> listener.jobFailed(job, outcome, error, duration));
	}

	@Override
	public void jobCancelled(JobId id, String name, String queue, @Nullable Duration duration) {
		each((listener) -> listener.jobCancelled(id, name, queue, duration));
	}

	@Override
	public void jobHandedBack(ClaimedJob job) {
		each((listener) -> listener.jobHandedBack(job));
	}

	@Override
	public void jobRescued(RescuedJob job) {
		each((listener) -> listener.jobRescued(job));
	}

	@Override
	public void recurringJobFired(String recurringName, NewJob job, Instant occurrence, @Nullable Instant nextRunAt) {
		each((listener) -> listener.recurringJobFired(recurringName, job, occurrence, nextRunAt));
	}

	@Override
	public void recurringOccurrenceSkipped(String recurringName, Instant occurrence) {
		each((listener) -> listener.recurringOccurrenceSkipped(recurringName, occurrence));
	}

	@Override
	public void attemptFenced(ClaimedJob job) {
		each((listener) -> listener.attemptFenced(job));
	}

	@Override
	public void storeRetried(String reason) {
		each((listener) -> listener.storeRetried(reason));
	}

}
