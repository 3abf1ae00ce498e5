package dev.jobs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method to run on a schedule, durably and once per occurrence across every
 * node that shares the database. The method's parameters bind like a
 * {@link JobHandler @JobHandler}'s, and the recurring job's name is also its handler's
 * name: each occurrence is an ordinary job, with retries, timeouts and history.
 *
 * <pre class="code">
 * &#64;RecurringJob(value = "nightly-digest", cron = "0 0 8 * * *", zone = "Europe/Paris")
 * void digest() { ... }
 *
 * &#64;RecurringJob(value = "sync", interval = "15m")
 * void sync(JobContext context) { ... }
 * </pre>
 *
 * Set exactly one of {@link #cron()} and {@link #interval()}. The text attributes may
 * hold {@code ${...}} placeholders, resolved against the environment.
 *
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RecurringJob {

	/**
	 * The recurring job's name, also the name of its handler; unique in the application.
	 * @return the name
	 */
	String value();

	/**
	 * A cron expression: 5-field Unix, 6-field Spring (with seconds), Quartz, or a macro
	 * such as {@code @daily}; see {@link CronPatterns}.
	 * @return the cron expression, or empty when {@link #interval()} is set
	 */
	String cron() default "";

	/**
	 * A fixed interval between occurrences, such as {@code 30s}, {@code 15m}, {@code 1d}
	 * or {@code PT1H}.
	 * @return the interval, or empty when {@link #cron()} is set
	 */
	String interval() default "";

	/**
	 * The time zone of a cron schedule, such as {@code Europe/Paris}; empty for
	 * {@code jobs.defaults.recurring.zone}, else the JVM's.
	 * @return the zone id
	 */
	String zone() default "";

	/**
	 * Whether an occurrence may start while the previous one is unfinished; when false it
	 * is skipped and counted.
	 * @return whether runs may overlap
	 */
	boolean allowConcurrent() default false;

	/**
	 * The payload of every occurrence, as JSON; empty for none.
	 * @return the payload JSON
	 */
	String payload() default "";

	/**
	 * Whether to run once as soon as the job is first scheduled, besides its schedule.
	 * @return whether to run on start
	 */
	boolean runOnStart() default false;

	/**
	 * How many occurrences to run at most; 0 for no limit.
	 * @return the maximum number of runs
	 */
	int maxRuns() default 0;

	/**
	 * An ISO-8601 instant after which no occurrence runs, such as
	 * {@code 2027-01-01T00:00:00Z}; empty for none.
	 * @return the end
	 */
	String endAt() default "";

	/**
	 * What to do about occurrences missed while no node ran.
	 * @return the misfire policy
	 */
	MisfirePolicy misfire() default MisfirePolicy.FIRE_ONCE;

}
