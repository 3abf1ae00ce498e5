package dev.jobs.store;

import java.util.List;

import dev.jobs.JobId;
import dev.jobs.JobLogLine;

/**
 * Keeps the lines handlers log through {@code JobContext.log()}, numbered per job. Each
 * write is a short transaction of its own, never part of the caller's. The engine writes
 * an attempt's lines from a thread of its own while the handler runs, and the last ones
 * once it has returned, never on the handler's thread while it runs, so that they never
 * need a second connection while the handler's own transaction holds one.
 */
public interface JobLogStore {

	/**
	 * The longest message stored; longer ones are cut by the caller.
	 */
	int MAX_MESSAGE_LENGTH = 4000;

	/**
	 * Where a job's log stands: its last line number and how many of its lines are not
	 * {@link JobLogLine#DROPPED} markers.
	 * @param id the job id
	 * @return the position, {@link JobLogPosition#EMPTY} for a job with no lines
	 */
	JobLogPosition position(JobId id);

	/**
	 * Store lines of a job, numbered on from {@code firstSequence}, in one transaction of
	 * their own.
	 * @param id the job id
	 * @param firstSequence the first line's number within the job, from 1
	 * @param lines the lines, in order
	 */
	void append(JobId id, int firstSequence, List<JobLogLine> lines);

	/**
	 * The lines of a job, oldest first.
	 * @param id the job id
	 * @return the lines, empty if none
	 */
	List<JobLogLine> lines(JobId id);

}
