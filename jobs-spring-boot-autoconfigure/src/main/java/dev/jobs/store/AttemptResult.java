package dev.jobs.store;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobExecution.Outcome;

/**
 * How an attempt ended, and so how its job and its execution row are written.
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

	}

	/**
	 * The attempt failed and the job is due again after a delay.
	 *
	 * @param outcome {@code FAILED} or {@code TIMED_OUT}
	 * @param error the error text
	 * @param delay the backoff before the next attempt
	 */
	record Retry(Outcome outcome, String error, Duration delay) implements AttemptResult {

	}

	/**
	 * The attempt failed and the job fails for good.
	 *
	 * @param outcome {@code FAILED} or {@code TIMED_OUT}
	 * @param error the error text
	 */
	record Failed(Outcome outcome, String error) implements AttemptResult {

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

	}

	/**
	 * The node handed the job back at shutdown: the attempt is not counted and the job is
	 * pending again at once.
	 *
	 * @param error why, for the execution row
	 */
	record HandedBack(String error) implements AttemptResult {

		@Override
		public Outcome outcome() {
			return Outcome.INTERRUPTED;
		}

	}

}
