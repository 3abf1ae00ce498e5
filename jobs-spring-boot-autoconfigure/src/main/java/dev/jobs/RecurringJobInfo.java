package dev.jobs;

import java.time.Instant;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * A recurring job as stored: its schedule and where it stands.
 *
 * @param name the recurring job's name
 * @param handler the name of the handler its occurrences run
 * @param schedule the cron expression or interval, as written
 * @param zone the zone its cron expression is read in
 * @param nextRunAt when it runs next, or {@code null} if it never runs again
 * @param lastRunAt when it last ran, or {@code null} if it never ran
 * @param paused whether it is paused
 * @since 0.1.0
 */
public record RecurringJobInfo(String name, String handler, String schedule, ZoneId zone, @Nullable Instant nextRunAt,
		@Nullable Instant lastRunAt, boolean paused) {

}
