package dev.jobs.recurring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.jobs.CronDialect;
import dev.jobs.store.RecurringDefinition;

/**
 * Parses the schedules of recurring jobs as their rows are read from the store; the
 * firer, which reads them at every check, keeps each distinct schedule parsed once.
 */
final class RecurringSchedules {

	private final @Nullable CronDialect forced;

	private final Map<String, Schedule> parsed = new ConcurrentHashMap<>();

	RecurringSchedules(@Nullable CronDialect forced) {
		this.forced = forced;
	}

	/**
	 * The schedule of a stored definition, parsed once per distinct schedule.
	 * @param definition the definition
	 * @return the schedule
	 * @throws dev.jobs.InvalidScheduleException if the stored schedule is not valid
	 */
	Schedule of(RecurringDefinition definition) {
		String key = (definition.cron() ? "cron:" : "interval:") + definition.schedule() + "@" + definition.zone();
		return this.parsed.computeIfAbsent(key, (ignored) -> parse(definition, this.forced));
	}

	/**
	 * Parse the schedule of a stored definition.
	 * @param definition the definition
	 * @param forced the forced cron dialect, or {@code null}
	 * @return the schedule
	 * @throws dev.jobs.InvalidScheduleException if the stored schedule is not valid
	 */
	static Schedule parse(RecurringDefinition definition, @Nullable CronDialect forced) {
		return Schedules.parse(definition.name(), definition.cron() ? definition.schedule() : null,
				definition.cron() ? null : definition.schedule(), definition.zone(), forced);
	}

}
