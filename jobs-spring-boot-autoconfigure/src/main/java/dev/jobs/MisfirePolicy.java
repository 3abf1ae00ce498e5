package dev.jobs;

/**
 * What a recurring job does about the occurrences it missed while no node could run it
 * (every node down, the database unreachable, the job paused past its time).
 * <p>
 * An occurrence is missed when it is older than the scheduler's grace period (the poll
 * interval plus {@code jobs.defaults.recurring.max-clock-skew}) by the time a node sees
 * it. An occurrence seen within the grace period is on time and runs whatever the policy.
 * Whatever the policy, the job is then back on its schedule: its next run is its first
 * occurrence after the present.
 *
 * @since 0.1.0
 */
public enum MisfirePolicy {

	/**
	 * One catch-up run stands for all the missed occurrences, then the job is back on
	 * schedule. The default.
	 */
	FIRE_ONCE,

	/**
	 * Missed occurrences do not run; the job waits for its next occurrence.
	 */
	SKIP,

	/**
	 * Every missed occurrence runs, oldest first, up to
	 * {@code jobs.defaults.recurring.max-catch-up} of them; the older ones beyond that
	 * bound are dropped.
	 */
	FIRE_ALL

}
