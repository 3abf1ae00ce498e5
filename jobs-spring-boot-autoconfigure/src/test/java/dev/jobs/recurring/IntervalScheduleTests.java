package dev.jobs.recurring;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jobs.InvalidScheduleException;

import static dev.jobs.recurring.ScheduleAssertions.instants;
import static dev.jobs.recurring.ScheduleAssertions.occurrences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Intervals} and {@link IntervalSchedule}.
 */
class IntervalScheduleTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "|", textBlock = """
			5s      | PT5S
			10m     | PT10M
			2h      | PT2H
			1d      | PT24H
			500ms   | PT0.5S
			PT15M   | PT15M
			P1D     | PT24H
			' 15m ' | PT15M
			""")
	void parsesSimpleAndIsoDurations(String text, Duration expected) {
		assertThat(Intervals.parse(text, "sync")).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "15 minutes", "m15", "" })
	void rejectsWhatIsNotADuration(String text) {
		assertThatExceptionOfType(InvalidScheduleException.class).isThrownBy(() -> Intervals.parse(text, "sync"))
			.withMessage("Invalid interval '" + text
					+ "' for recurring job 'sync'; use a duration such as 30s, 15m, 2h, 1d or PT15M")
			.satisfies((ex) -> assertThat(ex.getValue()).isEqualTo(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0s", "-5s", "PT0S", "PT-1M", "0" })
	void rejectsZeroAndNegativeIntervals(String text) {
		assertThatExceptionOfType(InvalidScheduleException.class).isThrownBy(() -> Intervals.parse(text, "sync"))
			.withMessage("Interval '" + text
					+ "' must be positive for recurring job 'sync'; use a duration such as 30s, 15m, 2h, 1d or PT15M")
			.satisfies((ex) -> assertThat(ex.getRecurringJobName()).isEqualTo("sync"));
	}

	@Test
	void occurrencesAreAlignedToTheEpochByDefault() {
		IntervalSchedule schedule = Schedules.interval("sync", "15m", ZoneOffset.UTC);
		assertThat(schedule.anchor()).isEqualTo(Instant.EPOCH);
		assertThat(occurrences(schedule, Instant.parse("2026-01-01T10:07:31Z"), 3))
			.isEqualTo(instants("2026-01-01T10:15:00Z 2026-01-01T10:30:00Z 2026-01-01T10:45:00Z"));
	}

	@Test
	void nextIsStrictlyAfter() {
		IntervalSchedule schedule = Schedules.interval("sync", "15m", ZoneOffset.UTC);
		assertThat(schedule.next(Instant.parse("2026-01-01T10:15:00Z"))).isEqualTo("2026-01-01T10:30:00Z");
		assertThat(schedule.next(Instant.parse("2026-01-01T10:14:59.999Z"))).isEqualTo("2026-01-01T10:15:00Z");
	}

	@Test
	void occurrencesAreCountedFromTheAnchorAndDoNotDrift() {
		Instant anchor = Instant.parse("2026-01-01T10:00:00Z");
		IntervalSchedule schedule = Schedules.interval("sync", "7m", ZoneOffset.UTC).anchoredAt(anchor);
		assertThat(schedule.next(Instant.parse("2025-12-31T00:00:00Z"))).isEqualTo(anchor);
		assertThat(schedule.next(anchor)).isEqualTo("2026-01-01T10:07:00Z");
		// A late run does not push the next one back
		assertThat(schedule.next(Instant.parse("2026-01-01T10:08:59Z"))).isEqualTo("2026-01-01T10:14:00Z");
		Instant current = anchor;
		for (int i = 0; i < 1000; i++) {
			current = schedule.next(current.plusMillis(1234));
		}
		assertThat(current).isEqualTo(anchor.plus(Duration.ofMinutes(7).multipliedBy(1000)));
	}

	@Test
	void startedScheduleRunsOneIntervalAfterItsStartAndContinuesThatGrid() {
		Schedule schedule = Schedules.interval("sync", "7m", ZoneOffset.UTC);
		Instant start = Instant.parse("2026-01-01T10:00:03Z");
		assertThat(schedule.firstAfter(start)).isEqualTo("2026-01-01T10:07:03Z");
		assertThat(schedule.continuing(start).next(Instant.parse("2026-01-01T10:30:00Z")))
			.isEqualTo("2026-01-01T10:35:03Z");
	}

	@Test
	void intervalIsRealTimeAcrossDaylightSavingChanges() {
		IntervalSchedule schedule = Schedules.interval("sync", "1d", ZoneId.of("Europe/Paris"));
		assertThat(schedule.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
		assertThat(occurrences(schedule, Instant.parse("2026-03-28T12:00:00Z"), 2))
			.isEqualTo(instants("2026-03-29T00:00:00Z 2026-03-30T00:00:00Z"));
	}

	@Test
	void subSecondIntervalsAreAligned() {
		IntervalSchedule schedule = Schedules.interval("tick", "250ms", ZoneOffset.UTC);
		assertThat(schedule.next(Instant.parse("2026-01-01T00:00:00.300Z"))).isEqualTo("2026-01-01T00:00:00.500Z");
	}

}
