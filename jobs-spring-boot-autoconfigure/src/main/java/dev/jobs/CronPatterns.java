package dev.jobs;

/**
 * Cron expressions for common schedules, usable in annotations:
 *
 * <pre class="code">
 * &#64;RecurringJob(value = "cleanup", cron = CronPatterns.EVERY_15_MINUTES)
 * void cleanup() { ... }
 * </pre>
 *
 * Each is a 5-field Unix expression ({@code minute hour day-of-month month day-of-week}),
 * read as Unix whatever {@code jobs.defaults.recurring.cron-dialect} says, and evaluated
 * in the recurring job's zone: {@link #DAILY_MIDNIGHT} is midnight where the job's zone
 * says it is.
 *
 * @since 0.1.0
 */
public final class CronPatterns {

	/**
	 * At the start of every minute: {@value}.
	 */
	public static final String EVERY_MINUTE = "* * * * *";

	/**
	 * Every five minutes, on the hour and at 5, 10, ... 55 past: {@value}.
	 */
	public static final String EVERY_5_MINUTES = "*/5 * * * *";

	/**
	 * Every fifteen minutes, on the hour and at 15, 30 and 45 past: {@value}.
	 */
	public static final String EVERY_15_MINUTES = "*/15 * * * *";

	/**
	 * Every thirty minutes, on the hour and at half past: {@value}.
	 */
	public static final String EVERY_30_MINUTES = "*/30 * * * *";

	/**
	 * At the start of every hour: {@value}.
	 */
	public static final String EVERY_HOUR = "0 * * * *";

	/**
	 * At 00:00, 06:00, 12:00 and 18:00: {@value}.
	 */
	public static final String EVERY_6_HOURS = "0 */6 * * *";

	/**
	 * At 00:00 and 12:00: {@value}.
	 */
	public static final String EVERY_12_HOURS = "0 */12 * * *";

	/**
	 * Every day at 00:00: {@value}.
	 */
	public static final String DAILY_MIDNIGHT = "0 0 * * *";

	/**
	 * Every day at 12:00: {@value}.
	 */
	public static final String DAILY_NOON = "0 12 * * *";

	/**
	 * Every Monday at 00:00: {@value}.
	 */
	public static final String WEEKLY_MONDAY = "0 0 * * 1";

	/**
	 * On the first day of every month at 00:00: {@value}.
	 */
	public static final String MONTHLY_FIRST = "0 0 1 * *";

	private CronPatterns() {
	}

}
