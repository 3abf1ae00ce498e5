package dev.jobs.recurring;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.jobs.CronDialect;
import dev.jobs.InvalidScheduleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Schedules}.
 */
class SchedulesTests {

	@Test
	void cronWithAZoneGivesACronSchedule() {
		Schedule schedule = Schedules.parse("nightly-digest", "0 0 8 * * *", null, "Europe/Paris", null);
		assertThat(schedule).isInstanceOfSatisfying(CronSchedule.class, (cron) -> {
			assertThat(cron.text()).isEqualTo("0 0 8 * * *");
			assertThat(cron.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
			assertThat(cron.dialect()).isEqualTo(CronDialect.SPRING);
		});
		assertThat(schedule.next(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("2026-01-01T07:00:00Z");
	}

	@Test
	void intervalGivesAnIntervalSchedule() {
		Schedule schedule = Schedules.parse("sync", "", "15m", "UTC", null);
		assertThat(schedule).isInstanceOf(IntervalSchedule.class);
		assertThat(schedule.text()).isEqualTo("15m");
		assertThat(schedule.zone()).isEqualTo(ZoneId.of("UTC"));
	}

	@Test
	void missingZoneMeansTheJvmDefault() {
		assertThat(Schedules.parse("sync", null, "15m", null, null).zone()).isEqualTo(ZoneId.systemDefault());
		assertThat(Schedules.parse("sync", null, "15m", " ", null).zone()).isEqualTo(ZoneId.systemDefault());
	}

	@Test
	void offsetZonesAreAccepted() {
		assertThat(Schedules.zone("sync", "+02:00")).isEqualTo(ZoneOffset.ofHours(2));
	}

	@Test
	void forcedDialectIsPassedOn() {
		Schedule schedule = Schedules.parse("sync", "0 0 9 ? * 1", null, "UTC", CronDialect.SPRING);
		assertThat(schedule).isInstanceOfSatisfying(CronSchedule.class,
				(cron) -> assertThat(cron.dialect()).isEqualTo(CronDialect.SPRING));
	}

	@Test
	void unknownZoneIsRejected() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> Schedules.parse("sync", "0 * * * *", null, "Mars/Olympus", null))
			.withMessageStartingWith("Unknown time zone 'Mars/Olympus' for recurring job 'sync'; use a region id")
			.satisfies((ex) -> assertThat(ex.getValue()).isEqualTo("Mars/Olympus"));
	}

	@Test
	void malformedZoneIsRejected() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> Schedules.parse("sync", "0 * * * *", null, "Europe/", null))
			.withMessageStartingWith("Unknown time zone 'Europe/' for recurring job 'sync'");
	}

	@Test
	void bothCronAndIntervalAreRejected() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> Schedules.parse("sync", "0 * * * *", "15m", "UTC", null))
			.withMessage("Both a cron ('0 * * * *') and an interval ('15m') are set for recurring job 'sync';"
					+ " set only one");
	}

	@Test
	void neitherCronNorIntervalIsRejected() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> Schedules.parse("sync", "", " ", "UTC", null))
			.withMessage("Neither a cron nor an interval is set for recurring job 'sync'; set one")
			.satisfies((ex) -> assertThat(ex.getValue()).isNull());
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> Schedules.parse("sync", null, null, null, null));
	}

	@Test
	void invalidCronAndIntervalNameTheJob() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> Schedules.parse("sync", "0 0 * *", null, "UTC", null))
			.withMessageStartingWith("Unknown cron field count 4 in '0 0 * *' for recurring job 'sync'");
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> Schedules.parse("sync", null, "-5m", "UTC", null))
			.withMessageStartingWith("Interval '-5m' must be positive for recurring job 'sync'");
	}

	@Test
	void equalSchedulesAreEqual() {
		assertThat(Schedules.parse("a", "@daily", null, "UTC", null))
			.isEqualTo(Schedules.parse("b", "@daily", null, "UTC", null))
			.isNotEqualTo(Schedules.parse("a", "@daily", null, "Europe/Paris", null));
	}

	@Test
	void cronScheduleStartsAndContinuesOnItsOwnOccurrences() {
		Schedule schedule = Schedules.cron("report", "0 * * * *", ZoneOffset.UTC, null);
		Instant start = Instant.parse("2026-01-01T10:00:03Z");
		assertThat(schedule.firstAfter(start)).isEqualTo("2026-01-01T11:00:00Z");
		assertThat(schedule.continuing(start)).isSameAs(schedule);
	}

}
