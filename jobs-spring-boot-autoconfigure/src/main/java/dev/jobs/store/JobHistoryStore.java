package dev.jobs.store;

import java.time.Duration;

import dev.jobs.JobId;
import dev.jobs.JobStatus;

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

	/**
	 * Delete one batch of a queue's jobs in a finished status that finished longer than
	 * {@code grace} ago, oldest first, with their executions and log lines, in one short
	 * transaction.
	 * @param queue the queue name
	 * @param status the finished status
	 * @param grace how long a job stays after it finished
	 * @param limit the most jobs to delete
	 * @return how many jobs were deleted; fewer than {@code limit} when none is left
	 */
	int deleteFinished(String queue, JobStatus status, Duration grace, int limit);

	/**
	 * Delete one finished job with its executions and log lines.
	 * @param id the job id
	 * @return whether a finished job was deleted
	 */
	boolean delete(JobId id);

}
