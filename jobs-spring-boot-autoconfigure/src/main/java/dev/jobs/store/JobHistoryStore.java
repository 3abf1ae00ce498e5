package dev.jobs.store;

import java.time.Duration;

/**
 * Deletes the history of finished jobs: the jobs, their executions and their log lines.
 */
public interface JobHistoryStore {

	/**
	 * Delete one batch of expired jobs, with their executions and log lines, in one short
	 * transaction. A job is expired when it is {@code COMPLETED} or {@code CANCELLED} and
	 * finished longer than {@code retention} ago, or {@code FAILED} and finished longer
	 * than {@code retentionFailed} ago, by the database's clock. Unfinished jobs are
	 * never deleted.
	 * @param retention how long completed and cancelled jobs are kept
	 * @param retentionFailed how long failed jobs are kept
	 * @param limit the most jobs to delete
	 * @return how many jobs were deleted; fewer than {@code limit} when no expired job is
	 * left
	 */
	int deleteExpired(Duration retention, Duration retentionFailed, int limit);

}
