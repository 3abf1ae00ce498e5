package dev.jobs;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One attempt of a job, as recorded in its execution history.
 *
 * @param jobId the job
 * @param attempt the attempt number, from 1
 * @param node the name of the node that ran the attempt
 * @param startedAt when the attempt started
 * @param finishedAt when its outcome was recorded
 * @param duration how long it took
 * @param outcome how it ended
 * @param error the error message and a bounded stack trace, or {@code null}
 * @since 0.1.0
 */
public record JobExecution(JobId jobId, int attempt, String node, Instant startedAt, Instant finishedAt,
		Duration duration, Outcome outcome, @Nullable String error) {

	/**
	 * How an attempt ended.
	 */
	public enum Outcome {

		/**
		 * The handler returned normally.
		 */
		COMPLETED,

		/**
		 * The handler threw, or its payload could not be read.
		 */
		FAILED,

		/**
		 * The attempt ran longer than the job's timeout.
		 */
		TIMED_OUT,

		/**
		 * The job was cancelled while the attempt ran.
		 */
		CANCELLED,

		/**
		 * The node stopped (shutdown or failure) before the attempt could end.
		 */
		INTERRUPTED

	}

}
