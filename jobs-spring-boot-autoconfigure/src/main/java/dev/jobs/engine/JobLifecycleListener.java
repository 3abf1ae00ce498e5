package dev.jobs.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobExecution.Outcome;
import dev.jobs.JobId;
import dev.jobs.store.AttemptResult;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.NewJob;
import dev.jobs.store.RescuedJob;

/**
 * Internal SPI through which the engine reports what happens to jobs, each call made
 * after the change is committed. Spring application events and metrics are
 * implementations, so the engine knows neither. Implementations must be quick and must
 * not throw.
 */
public interface JobLifecycleListener {

	/**
	 * One listener that calls the given ones in order, so that one that throws neither
	 * stops the others nor disturbs the job.
	 * @param listeners the listeners
	 * @return the listener that calls them all
	 */
	static JobLifecycleListener all(List<JobLifecycleListener> listeners) {
		return new JobLifecycleListeners(listeners);
	}

	/**
	 * A job was stored.
	 * @param job the job
	 */
	default void jobEnqueued(NewJob job) {
	}

	/**
	 * This node claimed a job and starts an attempt.
	 * @param job the claimed job
	 */
	default void jobStarted(ClaimedJob job) {
	}

	/**
	 * An attempt of a claimed job ended and its end was written. By default this calls
	 * the callback of the end: {@link #jobCompleted}, {@link #jobRetryScheduled},
	 * {@link #jobFailed}, {@link #jobCancelled} or {@link #jobHandedBack}.
	 * @param job the claimed job
	 * @param result how the attempt ended
	 * @param value the handler's return value, for a completed attempt
	 * @param duration how long the attempt took
	 */
	default void attemptEnded(ClaimedJob job, AttemptResult result, @Nullable Object value, Duration duration) {
		if (result instanceof AttemptResult.Completed) {
			jobCompleted(job, value, duration);
		}
		else if (result instanceof AttemptResult.Retry retry) {
			jobRetryScheduled(job, retry.outcome(), retry.error(), retry.delay(), duration);
		}
		else if (result instanceof AttemptResult.Failed failed) {
			jobFailed(job, failed.outcome(), failed.error(), duration);
		}
		else if (result instanceof AttemptResult.Cancelled) {
			jobCancelled(job.id(), job.name(), job.queue(), duration);
		}
		else {
			jobHandedBack(job);
		}
	}

	/**
	 * An attempt completed the job.
	 * @param job the claimed job
	 * @param result the handler's return value
	 * @param duration how long the attempt took
	 */
	default void jobCompleted(ClaimedJob job, @Nullable Object result, Duration duration) {
	}

	/**
	 * An attempt failed and the job will be tried again.
	 * @param job the claimed job
	 * @param outcome {@code FAILED} or {@code TIMED_OUT}
	 * @param error the error text
	 * @param delay the backoff before the next attempt
	 * @param duration how long the attempt took
	 */
	default void jobRetryScheduled(ClaimedJob job, Outcome outcome, String error, Duration delay, Duration duration) {
	}

	/**
	 * An attempt failed and the job failed for good.
	 * @param job the claimed job
	 * @param outcome {@code FAILED} or {@code TIMED_OUT}
	 * @param error the error text
	 * @param duration how long the attempt took
	 */
	default void jobFailed(ClaimedJob job, Outcome outcome, String error, Duration duration) {
	}

	/**
	 * A job was cancelled.
	 * @param id the job id
	 * @param name the job name
	 * @param queue the queue
	 * @param duration how long its running attempt took, or {@code null} if it was not
	 * running
	 */
	default void jobCancelled(JobId id, String name, String queue, @Nullable Duration duration) {
	}

	/**
	 * This node handed a running job back at shutdown.
	 * @param job the claimed job
	 */
	default void jobHandedBack(ClaimedJob job) {
	}

	/**
	 * A running job of a dead node was rescued by this node.
	 * @param job the rescued job
	 */
	default void jobRescued(RescuedJob job) {
	}

	/**
	 * An occurrence of a recurring job was enqueued.
	 * @param recurringName the recurring job's name
	 * @param job the occurrence's job
	 * @param occurrence the scheduled time of the occurrence
	 * @param nextRunAt when the recurring job runs next, or {@code null}
	 */
	default void recurringJobFired(String recurringName, NewJob job, Instant occurrence, @Nullable Instant nextRunAt) {
	}

	/**
	 * An occurrence of a recurring job was skipped because the previous one was
	 * unfinished.
	 * @param recurringName the recurring job's name
	 * @param occurrence the scheduled time of the occurrence
	 */
	default void recurringOccurrenceSkipped(String recurringName, Instant occurrence) {
	}

	/**
	 * A write of an attempt was dropped because this node no longer owns it.
	 * @param job the claimed job
	 */
	default void attemptFenced(ClaimedJob job) {
	}

	/**
	 * The store tried work again after a transient failure.
	 * @param reason why the work failed: {@code deadlock}, {@code lock-wait} or
	 * {@code connection}
	 */
	default void storeRetried(String reason) {
	}

}
