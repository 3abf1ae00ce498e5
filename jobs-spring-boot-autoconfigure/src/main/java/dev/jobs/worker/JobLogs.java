package dev.jobs.worker;

import dev.jobs.store.ClaimedJob;
import dev.jobs.store.JobLogStore;

/**
 * Where the lines of {@code JobContext.log()} are kept, and how many per job.
 *
 * @param store the store of log lines
 * @param maxLines the most lines kept per job; 0 keeps none
 */
record JobLogs(JobLogStore store, int maxLines) {

	/**
	 * Create the settings, checking them.
	 * @param store the store of log lines
	 * @param maxLines the most lines kept per job; 0 keeps none
	 */
	JobLogs {
		if (maxLines < 0) {
			throw new IllegalArgumentException("The most log lines kept per job must not be negative, was " + maxLines);
		}
	}

	AttemptLog open(ClaimedJob job) {
		return new AttemptLog(this.store, job, this.maxLines);
	}

}
