package dev.jobs.recurring;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

import dev.jobs.CronDialect;

/**
 * Creates the {@link Schedule} of a recurring job from what the user wrote in an
 * annotation, in configuration or through the run-time API. Blank values count as absent,
 * as annotation attributes default to {@code ""}. Every failure is a
 * {@link dev.jobs.InvalidScheduleException} that quotes the bad value and names the
 * recurring job.
 */
public final class Schedules {

	private Schedules() {
	}

	/**
	 * Create the schedule of a recurring job given by text.
	 * @param name the recurring job's name for error messages, or {@code null}
	 * @param cron the cron expression or macro, or {@code null}
	 * @param interval the interval, or {@code null}; exactly one of {@code cron} and
	 * {@code interval} must be given
	 * @param zone the zone id, or {@code null} for the JVM's default zone
	 * @param forced the cron dialect forced by
	 * {@code jobs.defaults.recurring.cron-dialect}, or {@code null} to tell it from the
	 * expression
	 * @return the schedule; an interval is anchored at the epoch
	 * @throws dev.jobs.InvalidScheduleException if the schedule is not valid
	 */
	public static Schedule parse(@Nullable String name, @Nullable String cron, @Nullable String interval,
			@Nullable String zone, @Nullable CronDialect forced) {
		boolean hasCron = StringUtils.hasText(cron);
		boolean hasInterval = StringUtils.hasText(interval);
		if (hasCron && hasInterval) {
			throw ScheduleErrors.invalid("Both a cron ('" + cron + "') and an interval ('" + interval + "') are set",
					name, cron, "; set only one", null);
		}
		if (!hasCron && !hasInterval) {
			throw ScheduleErrors.invalid("Neither a cron nor an interval is set", name, null, "; set one", null);
		}
		ZoneId zoneId = zone(name, zone);
		return (cron != null && hasCron) ? cron(name, cron, zoneId, forced)
				: interval(name, (interval != null) ? interval : "", zoneId);
	}

	/**
	 * Create a cron schedule.
	 * @param name the recurring job's name for error messages, or {@code null}
	 * @param cron the cron expression or macro
	 * @param zone the zone to evaluate it in
	 * @param forced the forced cron dialect, or {@code null}
	 * @return the schedule
	 * @throws dev.jobs.InvalidScheduleException if the expression is not valid
	 */
	public static CronSchedule cron(@Nullable String name, String cron, ZoneId zone, @Nullable CronDialect forced) {
		return CronExpressions.parse(cron, zone, forced, name);
	}

	/**
	 * Create an interval schedule anchored at the epoch.
	 * @param name the recurring job's name for error messages, or {@code null}
	 * @param interval the interval
	 * @param zone the zone to report
	 * @return the schedule
	 * @throws dev.jobs.InvalidScheduleException if the interval is not a positive
	 * duration
	 */
	public static IntervalSchedule interval(@Nullable String name, String interval, ZoneId zone) {
		Duration duration = Intervals.parse(interval, name);
		return new IntervalSchedule(interval.trim(), duration, Instant.EPOCH, zone);
	}

	/**
	 * Resolve a zone id.
	 * @param name the recurring job's name for error messages, or {@code null}
	 * @param zone the zone id, or {@code null} or blank for the JVM's default zone
	 * @return the zone
	 * @throws dev.jobs.InvalidScheduleException if the zone is unknown or malformed
	 */
	public static ZoneId zone(@Nullable String name, @Nullable String zone) {
		if (zone == null || !StringUtils.hasText(zone)) {
			return ZoneId.systemDefault();
		}
		try {
			return ZoneId.of(zone.trim());
		}
		catch (DateTimeException ex) {
			throw ScheduleErrors.invalid("Unknown time zone '" + zone + "'", name, zone,
					"; use a region id such as Europe/Paris or an offset such as UTC or +02:00", ex);
		}
	}

}
