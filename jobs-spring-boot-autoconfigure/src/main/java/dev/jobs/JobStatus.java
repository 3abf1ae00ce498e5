package dev.jobs;

/**
 * Where a job is in its life: {@code SCHEDULED} (due later) &rarr; {@code PENDING} (due,
 * waiting for a worker) &rarr; {@code RUNNING} &rarr; {@code COMPLETED}, {@code FAILED}
 * or {@code CANCELLED}. A failed attempt with attempts left goes back to
 * {@code SCHEDULED} with its backoff delay.
 *
 * @since 0.1.0
 */
public enum JobStatus {

	/**
	 * Waiting for its run time, which is in the future.
	 */
	SCHEDULED,

	/**
	 * Due, waiting for a worker to claim it.
	 */
	PENDING,

	/**
	 * Claimed by a node whose handler is running it.
	 */
	RUNNING,

	/**
	 * Finished successfully; the job keeps the handler's result.
	 */
	COMPLETED,

	/**
	 * Finished without success: its attempts are used up or its error was not retryable.
	 */
	FAILED,

	/**
	 * Cancelled before it could finish.
	 */
	CANCELLED;

	/**
	 * Whether a job in this status will never run again unless it is retried by hand.
	 * @return {@code true} for {@code COMPLETED}, {@code FAILED} and {@code CANCELLED}
	 */
	public boolean isFinished() {
		return this == COMPLETED || this == FAILED || this == CANCELLED;
	}

}
