package dev.jobs.recurring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.jobs.CronDialect;
import dev.jobs.store.RecurringDefinition;
import dev.jobs.store.StoredSchedule;

/**
 * The schedules of recurring job definitions: the one a definition carries when it was
 * parsed where the definition entered, or, for a definition read back from the store, its
 * text parsed here, once per distinct schedule, since the firer reads them at every
 * check.
 */
final class RecurringSchedules {

	private final @Nullable CronDialect forced;

	private final Map<String, Schedule> parsed = new ConcurrentHashMap<>();

	RecurringSchedules(@Nullable CronDialect forced) {
		this.forced = forced;
	}

	/**
	 * The schedule of a definition, parsed once per distinct schedule if it comes from
	 * the store.
	 * @param definition the definition
	 * @return the schedule
	 * @throws dev.jobs.InvalidScheduleException if the stored schedule is not valid
	 */
	Schedule of(RecurringDefinition definition) {
		if (definition.schedule() instanceof Schedule schedule) {
			return schedule;
		}
		StoredSchedule stored = definition.schedule();
		String key = stored.kind() + ":" + stored.text() + "@" + definition.zone();
		return this.parsed.computeIfAbsent(key, (ignored) -> parse(definition.name(), stored, definition.zone()));
	}

	private Schedule parse(String name, StoredSchedule stored, String zone) {
		boolean cron = stored.kind() == StoredSchedule.Kind.CRON;
		return Schedules.parse(name, cron ? stored.text() : null, cron ? null : stored.text(), zone, this.forced);
	}

}
