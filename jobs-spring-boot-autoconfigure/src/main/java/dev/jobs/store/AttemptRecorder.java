package dev.jobs.store;

/**
 * Records the end and progress of attempts, each write fenced by the attempt's owner and
 * token so that a node that lost a job cannot overwrite its state.
 */
public interface AttemptRecorder {

	/**
	 * Record how an attempt ended: update the job and add its execution row.
	 * @param job the claimed job
	 * @param result how the attempt ended
	 * @param durationMillis how long the attempt ran
	 * @return {@code false} if the node no longer owns the attempt, in which case nothing
	 * was written
	 */
	boolean record(ClaimedJob job, AttemptResult result, long durationMillis);

	/**
	 * Store a running attempt's progress.
	 * @param job the claimed job
	 * @param percent from 0 to 100
	 * @return {@code false} if the node no longer owns the attempt
	 */
	boolean progress(ClaimedJob job, int percent);

}
