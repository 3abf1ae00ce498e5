package dev.jobs.store;

import dev.jobs.JobId;

/**
 * A running job of a dead node that was returned to pending, failed because it had used
 * its attempts, or cancelled because its cancel was requested while it ran.
 *
 * @param id the job id
 * @param name the job name
 * @param queue the queue
 * @param attempts the attempts it has used
 * @param deadNode the node that had claimed it
 * @param fate what became of it
 */
public record RescuedJob(JobId id, String name, String queue, int attempts, String deadNode, Fate fate) {

	/**
	 * Whether it failed for good instead of going back to pending.
	 * @return whether it failed
	 */
	public boolean failed() {
		return this.fate == Fate.FAILED;
	}

	/**
	 * What becomes of a rescued job.
	 */
	public enum Fate {

		/**
		 * Back to pending, in its place in line.
		 */
		PENDING,

		/**
		 * Failed: it had used its attempts.
		 */
		FAILED,

		/**
		 * Cancelled: its cancel was requested while it ran.
		 */
		CANCELLED

	}

}
