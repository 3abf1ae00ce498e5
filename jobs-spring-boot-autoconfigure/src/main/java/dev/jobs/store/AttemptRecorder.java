package dev.jobs.store;

import java.util.List;

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
	default boolean record(ClaimedJob job, AttemptResult result, long durationMillis) {
		FinishedAttempt attempt = new FinishedAttempt(job, result, durationMillis);
		return !recordAll(List.of(attempt)).isEmpty();
	}

	/**
	 * Record how several attempts ended, all in one transaction: each job's row is
	 * written only where this attempt still owns it, and so is its execution row.
	 * @param attempts the attempts, of distinct jobs
	 * @return the attempts that were written; the others belong to attempts whose node no
	 * longer owns them, and nothing was written for them
	 */
	List<FinishedAttempt> recordAll(List<FinishedAttempt> attempts);

	/**
	 * Store a running attempt's progress.
	 * @param job the claimed job
	 * @param percent from 0 to 100
	 * @return {@code false} if the node no longer owns the attempt
	 */
	boolean progress(ClaimedJob job, int percent);

	/**
	 * Record that attempts claimed to be held ahead of a free slot started: their jobs
	 * get a start time, by which a rescue counts their attempt. Only rows still owned by
	 * the attempts and without a start time are written.
	 * @param jobs the claimed jobs whose attempts started
	 */
	void started(List<ClaimedJob> jobs);

	/**
	 * The attempts a node has running as the store sees them: its {@code RUNNING} jobs,
	 * each as its claim gave it to the node.
	 * @param owner the node name
	 * @return the attempts' jobs
	 */
	List<ClaimedJob> running(String owner);

}
