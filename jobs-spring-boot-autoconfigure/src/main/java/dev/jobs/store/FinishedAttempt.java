package dev.jobs.store;

import dev.jobs.JobId;

/**
 * An attempt that ended, ready to be recorded: the job as it was claimed, how the attempt
 * ended and how long it ran.
 *
 * @param job the claimed job
 * @param result how the attempt ended
 * @param durationMillis how long the attempt ran
 */
public record FinishedAttempt(ClaimedJob job, AttemptResult result, long durationMillis) {

	/**
	 * The job's id.
	 * @return the id
	 */
	public JobId id() {
		return this.job.id();
	}

}
