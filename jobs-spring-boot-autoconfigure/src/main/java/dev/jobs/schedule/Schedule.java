package dev.jobs.schedule;

import java.time.Instant;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * When a recurring job runs: a cron expression evaluated in a time zone, or a fixed
 * interval. Create one with {@link Schedules}.
 */
public sealed interface Schedule permits CronSchedule, IntervalSchedule {

	/**
	 * The first occurrence strictly after the given instant.
	 * @param after the instant to search from, exclusive
	 * @return the next occurrence, or {@code null} if the schedule has none (a Quartz
	 * expression whose year field is past)
	 */
	@Nullable Instant next(Instant after);

	/**
	 * The schedule as the user wrote it: the cron expression or macro, or the interval.
	 * @return the schedule's text
	 */
	String text();

	/**
	 * The zone the schedule is evaluated in.
	 * @return the zone
	 */
	ZoneId zone();

}
