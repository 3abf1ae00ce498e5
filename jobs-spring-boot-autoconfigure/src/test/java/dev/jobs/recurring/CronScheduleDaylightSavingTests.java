package dev.jobs.recurring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.jobs.recurring.ScheduleAssertions.instants;
import static dev.jobs.recurring.ScheduleAssertions.occurrences;
import static dev.jobs.recurring.ScheduleAssertions.occurrencesUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the daylight saving policy of {@link CronSchedule}, on fixed instants of
 * 2026. Europe/Paris springs forward on 29 March at 01:00Z (02:00 becomes 03:00) and
 * falls back on 25 October at 01:00Z (03:00 becomes 02:00); America/New_York springs
 * forward on 8 March at 07:00Z (02:00 becomes 03:00) and falls back on 1 November at
 * 06:00Z (02:00 becomes 01:00). America/Santiago changes at midnight; Lord Howe Island by
 * half an hour.
 */
class CronScheduleDaylightSavingTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@ParameterizedTest(name = "{0} ''{1}'' after {2}")
	@CsvSource(delimiterString = "|",
			textBlock = """
					Europe/Paris     | 30 2 * * *     | 2026-03-28T00:00:00Z | 2026-03-28T01:30:00Z 2026-03-29T01:00:00Z 2026-03-30T00:30:00Z
					Europe/Paris     | 0 30 2 * * *   | 2026-03-28T00:00:00Z | 2026-03-28T01:30:00Z 2026-03-29T01:00:00Z 2026-03-30T00:30:00Z
					Europe/Paris     | 30 1 * * *     | 2026-03-28T00:00:00Z | 2026-03-28T00:30:00Z 2026-03-29T00:30:00Z 2026-03-29T23:30:00Z
					Europe/Paris     | 0 * * * *      | 2026-03-28T23:30:00Z | 2026-03-29T00:00:00Z 2026-03-29T01:00:00Z 2026-03-29T02:00:00Z
					Europe/Paris     | 30 * * * *     | 2026-03-28T23:45:00Z | 2026-03-29T00:30:00Z 2026-03-29T01:30:00Z 2026-03-29T02:30:00Z
					Europe/Paris     | * * * * *      | 2026-03-29T00:58:00Z | 2026-03-29T00:59:00Z 2026-03-29T01:00:00Z 2026-03-29T01:01:00Z
					Europe/Paris     | */15 2 * * *   | 2026-03-28T23:00:00Z | 2026-03-29T01:00:00Z 2026-03-30T00:00:00Z 2026-03-30T00:15:00Z
					America/New_York | 30 2 * * *     | 2026-03-07T00:00:00Z | 2026-03-07T07:30:00Z 2026-03-08T07:00:00Z 2026-03-09T06:30:00Z
					America/New_York | 30 1 * * *     | 2026-03-07T00:00:00Z | 2026-03-07T06:30:00Z 2026-03-08T06:30:00Z 2026-03-09T05:30:00Z
					America/New_York | 0 * * * *      | 2026-03-08T05:30:00Z | 2026-03-08T06:00:00Z 2026-03-08T07:00:00Z 2026-03-08T08:00:00Z
					""")
	void springForwardGapRunsEachOccurrenceOnce(ZoneId zone, String cron, Instant after, String expected) {
		assertThat(occurrences(CronExpressions.parse(cron, zone, null, "job"), after, 3)).isEqualTo(instants(expected));
	}

	@ParameterizedTest(name = "{0} ''{1}'' after {2}")
	@CsvSource(delimiterString = "|",
			textBlock = """
					Europe/Paris     | 30 2 * * *     | 2026-10-24T00:00:00Z | 2026-10-24T00:30:00Z 2026-10-25T00:30:00Z 2026-10-26T01:30:00Z
					Europe/Paris     | 0 30 2 * * *   | 2026-10-24T00:00:00Z | 2026-10-24T00:30:00Z 2026-10-25T00:30:00Z 2026-10-26T01:30:00Z
					Europe/Paris     | 30 1 * * *     | 2026-10-24T00:00:00Z | 2026-10-24T23:30:00Z 2026-10-26T00:30:00Z 2026-10-27T00:30:00Z
					Europe/Paris     | 0 * * * *      | 2026-10-24T22:30:00Z | 2026-10-24T23:00:00Z 2026-10-25T00:00:00Z 2026-10-25T01:00:00Z 2026-10-25T02:00:00Z
					Europe/Paris     | 0 0-23 * * *   | 2026-10-24T22:30:00Z | 2026-10-24T23:00:00Z 2026-10-25T00:00:00Z 2026-10-25T01:00:00Z 2026-10-25T02:00:00Z
					Europe/Paris     | 0 0 */1 * * *  | 2026-10-24T22:30:00Z | 2026-10-24T23:00:00Z 2026-10-25T00:00:00Z 2026-10-25T01:00:00Z 2026-10-25T02:00:00Z
					Europe/Paris     | */20 * * * *   | 2026-10-25T00:30:00Z | 2026-10-25T00:40:00Z 2026-10-25T01:00:00Z 2026-10-25T01:20:00Z 2026-10-25T01:40:00Z
					Europe/Paris     | */15 2 * * *   | 2026-10-24T23:30:00Z | 2026-10-25T00:00:00Z 2026-10-25T00:15:00Z 2026-10-25T00:30:00Z 2026-10-25T00:45:00Z 2026-10-26T01:00:00Z
					America/New_York | 30 2 * * *     | 2026-10-31T00:00:00Z | 2026-10-31T06:30:00Z 2026-11-01T07:30:00Z 2026-11-02T07:30:00Z
					America/New_York | 30 1 * * *     | 2026-10-31T00:00:00Z | 2026-10-31T05:30:00Z 2026-11-01T05:30:00Z 2026-11-02T06:30:00Z
					America/New_York | 0 * * * *      | 2026-11-01T03:30:00Z | 2026-11-01T04:00:00Z 2026-11-01T05:00:00Z 2026-11-01T06:00:00Z 2026-11-01T07:00:00Z
					""")
	void fallBackOverlapRunsEachOccurrenceOnce(ZoneId zone, String cron, Instant after, String expected) {
		List<Instant> expectedInstants = instants(expected);
		assertThat(occurrences(CronExpressions.parse(cron, zone, null, "job"), after, expectedInstants.size()))
			.isEqualTo(expectedInstants);
	}

	@ParameterizedTest(name = "{0} ''{1}'' after {2}")
	@CsvSource(delimiterString = "|", textBlock = """
			Europe/Paris     | 30 2 * * *   | 2026-10-25T01:10:00Z | 2026-10-26T01:30:00Z
			Europe/Paris     | 30 2 * * *   | 2026-10-25T00:30:00Z | 2026-10-26T01:30:00Z
			America/New_York | 30 1 * * *   | 2026-11-01T06:10:00Z | 2026-11-02T06:30:00Z
			America/New_York | 30 1 * * *   | 2026-11-01T05:30:00Z | 2026-11-02T06:30:00Z
			America/New_York | 0 30 1 * * * | 2026-11-01T06:29:59Z | 2026-11-02T06:30:00Z
			""")
	void timeOfDayDoesNotRunAgainInTheRepeatedHour(ZoneId zone, String cron, Instant after, Instant expected) {
		assertThat(CronExpressions.parse(cron, zone, null, "job").next(after)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} ''{1}''")
	@CsvSource(delimiterString = "|", textBlock = """
			Europe/Paris     | 30 2 * * *
			Europe/Paris     | 30 1 * * *
			Europe/Paris     | 0 0 * * *
			America/New_York | 30 2 * * *
			America/New_York | 30 1 * * *
			America/New_York | 0 30 1 * * *
			""")
	void dailyScheduleRunsOnceOnEveryLocalDateOfTheYear(ZoneId zone, String cron) {
		List<Instant> runs = occurrencesUntil(CronExpressions.parse(cron, zone, null, "job"),
				Instant.parse("2025-12-31T12:00:00Z"), Instant.parse("2026-12-31T12:00:00Z"));
		assertThat(runs).hasSize(365);
		assertThat(runs.stream().map((run) -> LocalDate.ofInstant(run, zone)).distinct()).hasSize(365);
	}

	@ParameterizedTest(name = "{0} ''{1}''")
	@CsvSource(delimiterString = "|", textBlock = """
			Europe/Paris     | 0 * * * *      | PT1H
			America/New_York | 0 * * * *      | PT1H
			America/New_York | 0 0 * * * *    | PT1H
			Europe/Paris     | */30 * * * *   | PT30M
			""")
	void everyHourScheduleKeepsItsRealTimeCadenceAllYear(ZoneId zone, String cron, Duration cadence) {
		List<Instant> runs = occurrencesUntil(CronExpressions.parse(cron, zone, null, "job"),
				Instant.parse("2025-12-31T23:59:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
		assertThat(runs).hasSize((int) (Duration.ofDays(365).toMinutes() / cadence.toMinutes()));
		for (int i = 1; i < runs.size(); i++) {
			assertThat(Duration.between(runs.get(i - 1), runs.get(i))).isEqualTo(cadence);
		}
	}

	@ParameterizedTest(name = "{0} ''{1}'' after {2}")
	@CsvSource(delimiterString = "|",
			textBlock = """
					America/Santiago    | 0 0 * * *   | 2026-09-05T00:00:00Z | 2026-09-05T04:00:00Z 2026-09-06T04:00:00Z 2026-09-07T03:00:00Z
					America/Santiago    | 30 23 * * * | 2026-04-04T12:00:00Z | 2026-04-05T02:30:00Z 2026-04-06T03:30:00Z 2026-04-07T03:30:00Z
					Australia/Lord_Howe | 0 2 * * *   | 2026-10-03T00:00:00Z | 2026-10-03T15:30:00Z 2026-10-04T15:00:00Z 2026-10-05T15:00:00Z
					Australia/Lord_Howe | 0 * * * *   | 2026-10-03T14:00:00Z | 2026-10-03T14:30:00Z 2026-10-03T16:00:00Z 2026-10-03T17:00:00Z
					Australia/Lord_Howe | 30 * * * *  | 2026-10-03T14:40:00Z | 2026-10-03T15:00:00Z 2026-10-03T15:30:00Z 2026-10-03T16:30:00Z
					""")
	void changesAtMidnightAndHalfHourChangesFollowThePolicy(ZoneId zone, String cron, Instant after, String expected) {
		assertThat(occurrences(CronExpressions.parse(cron, zone, null, "job"), after, 3)).isEqualTo(instants(expected));
	}

	@Test
	void occurrencesInTheGapThatLandOnAnExistingOccurrenceRunOnce() {
		CronSchedule schedule = CronExpressions.parse("0 2,3 * * *", PARIS, null, "job");
		assertThat(occurrences(schedule, Instant.parse("2026-03-28T23:00:00Z"), 3))
			.isEqualTo(instants("2026-03-29T01:00:00Z 2026-03-30T00:00:00Z 2026-03-30T01:00:00Z"));
	}

	@Test
	void secondlyScheduleRunsEverySecondAcrossTheOverlap() {
		CronSchedule schedule = CronExpressions.parse("* * * * * *", NEW_YORK, null, "job");
		List<Instant> runs = occurrencesUntil(schedule, Instant.parse("2026-11-01T05:59:58Z"),
				Instant.parse("2026-11-01T06:00:03Z"));
		assertThat(runs)
			.isEqualTo(instants("2026-11-01T05:59:59Z 2026-11-01T06:00:00Z 2026-11-01T06:00:01Z 2026-11-01T06:00:02Z"));
	}

	@Test
	void nextIsStrictlyAfterEvenWithinASecond() {
		CronSchedule schedule = CronExpressions.parse("*/10 * * * * *", PARIS, null, "job");
		assertThat(schedule.next(Instant.parse("2026-03-29T01:00:00.500Z"))).isEqualTo("2026-03-29T01:00:10Z");
		assertThat(schedule.next(Instant.parse("2026-03-29T01:00:09.999Z"))).isEqualTo("2026-03-29T01:00:10Z");
		assertThat(schedule.next(Instant.parse("2026-03-29T01:00:10Z"))).isEqualTo("2026-03-29T01:00:20Z");
	}

}
