package dev.jobs.recurring;

import java.time.Duration;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import dev.jobs.CronDialect;

/**
 * How recurring jobs are read and fired on this node.
 *
 * @param zone the zone of schedules that name none
 * @param cronDialect the cron dialect to force, or {@code null} to detect it
 * @param maxCatchUp how many missed occurrences {@code FIRE_ALL} runs at most
 * @param grace how late an occurrence may fire and still be on time rather than a misfire
 */
public record RecurringSettings(ZoneId zone, @Nullable CronDialect cronDialect, int maxCatchUp, Duration grace) {

}
