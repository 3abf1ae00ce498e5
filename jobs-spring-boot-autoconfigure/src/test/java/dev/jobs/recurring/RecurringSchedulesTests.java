package dev.jobs.recurring;

import org.junit.jupiter.api.Test;

import dev.jobs.CronDialect;
import dev.jobs.InvalidScheduleException;
import dev.jobs.MisfirePolicy;
import dev.jobs.store.RecurringDefinition;
import dev.jobs.store.StoredSchedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RecurringSchedules}, and for definitions that carry a parsed schedule
 * or one read back from the store.
 */
class RecurringSchedulesTests {

	private final RecurringSchedules schedules = new RecurringSchedules(null);

	@Test
	void aDefinitionBuiltWithAParsedScheduleKeepsIt() {
		Schedule parsed = Schedules.parse("report", "0 8 * * *", null, "Europe/Paris", null);
		assertThat(this.schedules.of(definition("report", parsed, "Europe/Paris"))).isSameAs(parsed);
	}

	@Test
	void aStoredScheduleIsParsedOncePerDistinctSchedule() {
		StoredSchedule stored = StoredSchedule.of(StoredSchedule.Kind.INTERVAL, "15m");
		Schedule first = this.schedules.of(definition("sync", stored, "UTC"));
		assertThat(first).isInstanceOf(IntervalSchedule.class);
		assertThat(first.text()).isEqualTo("15m");
		assertThat(this.schedules.of(definition("other-sync", stored, "UTC"))).isSameAs(first);
		assertThat(this.schedules.of(definition("sync", stored, "Europe/Paris"))).isNotSameAs(first);
	}

	@Test
	void aStoredCronIsReadInTheForcedDialect() {
		StoredSchedule stored = StoredSchedule.of(StoredSchedule.Kind.CRON, "0 0 9 ? * 1");
		Schedule schedule = new RecurringSchedules(CronDialect.SPRING).of(definition("weekly", stored, "UTC"));
		assertThat(schedule).isInstanceOfSatisfying(CronSchedule.class,
				(cron) -> assertThat(cron.dialect()).isEqualTo(CronDialect.SPRING));
	}

	@Test
	void anInvalidStoredScheduleFailsNamingTheRecurringJob() {
		StoredSchedule stored = StoredSchedule.of(StoredSchedule.Kind.CRON, "0 0 * *");
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> this.schedules.of(definition("broken", stored, "UTC")))
			.withMessageContaining("broken");
	}

	@Test
	void aDefinitionReadBackEqualsTheOneWithTheParsedSchedule() {
		Schedule parsed = Schedules.parse("report", "@daily", null, "UTC", null);
		RecurringDefinition declared = definition("report", parsed, "UTC");
		RecurringDefinition stored = definition("report", StoredSchedule.of(StoredSchedule.Kind.CRON, "@daily"), "UTC");
		assertThat(stored).isEqualTo(declared).hasSameHashCodeAs(declared);
		assertThat(stored.sameScheduleAs(declared)).isTrue();
		assertThat(definition("report", StoredSchedule.of(StoredSchedule.Kind.INTERVAL, "@daily"), "UTC"))
			.isNotEqualTo(declared);
		assertThat(definition("report", StoredSchedule.of(StoredSchedule.Kind.CRON, "@daily"), "Europe/Paris"))
			.isNotEqualTo(declared)
			.satisfies((other) -> assertThat(other.sameScheduleAs(declared)).isFalse());
	}

	private static RecurringDefinition definition(String name, StoredSchedule schedule, String zone) {
		return new RecurringDefinition(name, name, schedule, zone, null, false, MisfirePolicy.FIRE_ONCE, 0, null,
				RecurringDefinition.Source.API);
	}

}
