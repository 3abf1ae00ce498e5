package dev.jobs.recurring;

import java.time.Instant;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import dev.jobs.store.StoredSchedule;

/**
 * When a recurring job runs: a cron expression evaluated in a time zone, or a fixed
 * interval. Create one with {@link Schedules}. A recurring job's definition carries it to
 * the store, which keeps its kind and text.
 */
public sealed interface Schedule extends StoredSchedule permits CronSchedule, IntervalSchedule {

	/**
	 * The first occurrence strictly after the given instant.
	 * @param after the instant to search from, exclusive
	 * @return the next occurrence, or {@code null} if the schedule has none (a Quartz
	 * expression whose year field is past)
	 */
	@Nullable Instant next(Instant after);

	/**
	 * The first occurrence of this schedule started at the given instant: an interval
	 * starts its grid there, a cron expression is read from there.
	 * @param start the instant the schedule starts at, exclusive
	 * @return the first occurrence, or {@code null} if the schedule has none
	 */
	@Nullable Instant firstAfter(Instant start);

	/**
	 * This schedule on the grid of an earlier occurrence: an interval counts from it, a
	 * cron expression, which has no grid of its own, is the same.
	 * @param occurrence an earlier occurrence
	 * @return the schedule
	 */
	Schedule continuing(Instant occurrence);

	/**
	 * The zone the schedule is evaluated in.
	 * @return the zone
	 */
	ZoneId zone();

}
