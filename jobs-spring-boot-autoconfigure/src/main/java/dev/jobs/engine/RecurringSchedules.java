package dev.jobs.engine;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.jobs.schedule.RecurringSettings;
import dev.jobs.schedule.IntervalSchedule;
import dev.jobs.schedule.Schedule;
import dev.jobs.schedule.Schedules;
import dev.jobs.store.RecurringDefinition;

/**
 * Parses the schedules of stored recurring jobs, once per distinct schedule.
 */
final class RecurringSchedules {

	private final RecurringSettings settings;

	private final Map<String, Schedule> parsed = new ConcurrentHashMap<>();

	RecurringSchedules(RecurringSettings settings) {
		this.settings = settings;
	}

	Schedule of(RecurringDefinition definition) {
		String key = (definition.cron() ? "cron:" : "interval:") + definition.schedule() + "@" + definition.zone();
		return this.parsed.computeIfAbsent(key,
				(ignored) -> Schedules.parse(definition.name(), definition.cron() ? definition.schedule() : null,
						definition.cron() ? null : definition.schedule(), definition.zone(),
						this.settings.cronDialect()));
	}

	/**
	 * The first occurrence of a definition after an instant; an interval schedule starts
	 * its grid there.
	 * @param definition the definition
	 * @param after the instant
	 * @return the occurrence, or {@code null} if there is none
	 */
	@Nullable Instant firstAfter(RecurringDefinition definition, Instant after) {
		Schedule schedule = of(definition);
		if (schedule instanceof IntervalSchedule interval) {
			return after.plus(interval.interval());
		}
		return schedule.next(after);
	}

	/**
	 * The next occurrence after an instant, continuing the grid of an earlier occurrence.
	 * @param definition the definition
	 * @param anchor an earlier occurrence
	 * @param after the instant
	 * @return the occurrence, or {@code null} if there is none
	 */
	@Nullable Instant nextAfter(RecurringDefinition definition, Instant anchor, Instant after) {
		Schedule schedule = of(definition);
		if (schedule instanceof IntervalSchedule interval) {
			return interval.anchoredAt(anchor).next(after);
		}
		return schedule.next(after);
	}

}
