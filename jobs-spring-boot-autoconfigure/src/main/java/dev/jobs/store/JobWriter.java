package dev.jobs.store;

import java.util.List;

import dev.jobs.JobChanges;
import dev.jobs.JobId;

/**
 * Stores new jobs and changes the state of jobs that are not running on this node.
 */
public interface JobWriter {

	/**
	 * Store jobs, in the caller's transaction if there is one. A job whose unique key an
	 * unfinished job holds is not stored.
	 * @param jobs the jobs
	 * @return one result per job, in order
	 */
	List<EnqueueResult> insert(List<NewJob> jobs);

	/**
	 * Cancel a job that is not running, or ask the node running it to stop.
	 * @param id the job id
	 * @return what happened
	 */
	CancelResult cancel(JobId id);

	/**
	 * Put a failed or cancelled job back to pending with a fresh attempt budget.
	 * @param id the job id
	 * @return whether the job was failed or cancelled and is now pending
	 * @throws dev.jobs.InvalidJobStateException if another unfinished job holds its
	 * unique key
	 */
	boolean retry(JobId id);

	/**
	 * What {@link JobWriter#cancel(JobId)} did.
	 */
	/**
	 * Change a job that has not started: its due time, priority or attempts, in the
	 * caller's transaction if there is one.
	 * @param id the job id
	 * @param changes the changes
	 * @return whether the job was pending (with fewer attempts made than a new
	 * {@code maxAttempts}) and is changed
	 */
	boolean reschedule(JobId id, JobChanges changes);

	enum CancelResult {

		/**
		 * The job was scheduled or pending and is now cancelled.
		 */
		CANCELLED,

		/**
		 * The job is running; its node was asked to stop it.
		 */
		STOP_REQUESTED,

		/**
		 * The job had finished, or does not exist.
		 */
		NOT_CANCELLABLE

	}

}
