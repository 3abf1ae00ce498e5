package dev.jobs.store;

/**
 * Where a job's stored log stands.
 *
 * @param lastSequence the number of its last line, 0 if none
 * @param lines how many of its lines are not markers of dropped lines
 */
public record JobLogPosition(int lastSequence, int lines) {

	/**
	 * The position of a job with no lines.
	 */
	public static final JobLogPosition EMPTY = new JobLogPosition(0, 0);

}
