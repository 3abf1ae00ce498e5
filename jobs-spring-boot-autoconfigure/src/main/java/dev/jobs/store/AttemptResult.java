package dev.jobs.store;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobExecution.Outcome;
import dev.jobs.event.JobCancelledEvent;
import dev.jobs.event.JobCompletedEvent;
import dev.jobs.event.JobEvent;
import dev.jobs.event.JobFailedEvent;
import dev.jobs.event.JobRetryScheduledEvent;

/**
 * How an attempt ended: the one vocabulary the worker, the store, the events and the
 * metrics share. Each end knows the outcome of its execution row, the application event
 * it is announced by and the {@code outcome} tag of the {@code jobs.execution} timer.
 */
public sealed interface AttemptResult {

	/**
	 * The outcome recorded in the execution row.
	 * @return the outcome
	 */
	Outcome outcome();

	/**
	 * The error recorded with the attempt.
	 * @return the error text, or {@code null}
	 */
	@Nullable String error();

	/**
	 * The value of the {@code outcome} tag of the execution timer.
	 * @return the tag, or {@code null} if the attempt is not timed
	 */
	@Nullable String metricTag();

	/**
	 * The application event that announces this end of an attempt of the job.
	 * @param job the job whose attempt ended
	 * @param value the handler's return value, for a completed attempt
	 * @param duration how long the attempt took
	 * @return the event, or {@code null} if this end is not announced
	 */
	@Nullable JobEvent event(ClaimedJob job, @Nullable Object value, Duration duration);

	/**
	 * The same end with another error text, for when the database refused what the
	 * attempt would have stored.
	 * @param error the error text to record instead
	 * @return the end to record, or {@code null} if there is nothing to record instead
	 */
	@Nullable AttemptResult withError(String error);

	/**
	 * The handler returned: the job is completed with its result.
	 *
	 * @param resultJson the result as JSON, or {@code null}
	 */
	record Completed(@Nullable String resultJson) implements AttemptResult {

		@Override
		public Outcome outcome() {
			return Outcome.COMPLETED;
		}

		@Override
		public @Nullable String error() {
			return null;
		}

		@Override
		public String metricTag() {
			return "completed";
		}

		@Override
		public JobEvent event(ClaimedJob job, @Nullable Object value, Duration duration) {
			return new JobCompletedEvent(job.id(), job.name(), job.queue(), job.attempt(), value, duration);
		}

		/**
		 * A completed attempt whose result was refused fails: only the result can have
		 * been refused.
		 */
		@Override
		public @Nullable AttemptResult withError(String error) {
			return (this.resultJson != null) ? new Failed(Outcome.FAILED, error) : null;
		}

	}

	/**
	 * The attempt failed and the job is due again after a delay.
	 *
	 * @param outcome {@code FAILED} or {@code TIMED_OUT}
	 * @param error the error text
	 * @param delay the backoff before the next attempt
	 */
	record Retry(Outcome outcome, String error, Duration delay) implements AttemptResult {

		@Override
		public String metricTag() {
			return (this.outcome == Outcome.TIMED_OUT) ? "timed_out" : "retried";
		}

		@Override
		public JobEvent event(ClaimedJob job, @Nullable Object value, Duration duration) {
			return new JobRetryScheduledEvent(job.id(), job.name(), job.queue(), job.attempt(),
					Instant.now().plus(this.delay), this.error);
		}

		@Override
		public AttemptResult withError(String error) {
			return new Retry(this.outcome, error, this.delay);
		}

	}

	/**
	 * The attempt failed and the job fails for good.
	 *
	 * @param outcome {@code FAILED} or {@code TIMED_OUT}
	 * @param error the error text
	 */
	record Failed(Outcome outcome, String error) implements AttemptResult {

		@Override
		public String metricTag() {
			return (this.outcome == Outcome.TIMED_OUT) ? "timed_out" : "failed";
		}

		@Override
		public JobEvent event(ClaimedJob job, @Nullable Object value, Duration duration) {
			return new JobFailedEvent(job.id(), job.name(), job.queue(), job.attempt(), this.error);
		}

		@Override
		public AttemptResult withError(String error) {
			return new Failed(this.outcome, error);
		}

	}

	/**
	 * The job was cancelled while the attempt ran.
	 *
	 * @param error why, for the execution row
	 */
	record Cancelled(String error) implements AttemptResult {

		@Override
		public Outcome outcome() {
			return Outcome.CANCELLED;
		}

		@Override
		public String metricTag() {
			return "cancelled";
		}

		@Override
		public JobEvent event(ClaimedJob job, @Nullable Object value, Duration duration) {
			return new JobCancelledEvent(job.id(), job.name(), job.queue());
		}

		@Override
		public AttemptResult withError(String error) {
			return new Cancelled(error);
		}

	}

	/**
	 * The node handed the job back at shutdown: the attempt is not counted, timed or
	 * announced, and the job is pending again at once.
	 *
	 * @param error why, for the execution row
	 */
	record HandedBack(String error) implements AttemptResult {

		@Override
		public Outcome outcome() {
			return Outcome.INTERRUPTED;
		}

		@Override
		public @Nullable String metricTag() {
			return null;
		}

		@Override
		public @Nullable JobEvent event(ClaimedJob job, @Nullable Object value, Duration duration) {
			return null;
		}

		@Override
		public AttemptResult withError(String error) {
			return new HandedBack(error);
		}

	}

}
