package dev.jobs.recurring;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import dev.jobs.CronDialect;
import dev.jobs.CronPatterns;
import dev.jobs.InvalidJobRequestException;
import dev.jobs.InvalidScheduleException;

import static dev.jobs.recurring.ScheduleAssertions.instants;
import static dev.jobs.recurring.ScheduleAssertions.occurrences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CronExpressions}: each dialect is told from the expression and
 * computes its next runs (in UTC, so that no daylight saving change is involved; see
 * {@link CronScheduleDaylightSavingTests}).
 */
class CronExpressionsTests {

	private static final Instant NEW_YEAR_2026 = Instant.parse("2026-01-01T00:00:00Z");

	@ParameterizedTest(name = "{0} ''{1}'' after {2}")
	@CsvSource(delimiterString = "|",
			textBlock = """
					UNIX   | 0 9 * * 1          | 2026-01-01T00:00:00Z | 2026-01-05T09:00:00Z 2026-01-12T09:00:00Z 2026-01-19T09:00:00Z
					UNIX   | */15 * * * *       | 2026-01-01T00:00:00Z | 2026-01-01T00:15:00Z 2026-01-01T00:30:00Z 2026-01-01T00:45:00Z
					UNIX   | 30 2 1 * *         | 2026-01-01T00:00:00Z | 2026-01-01T02:30:00Z 2026-02-01T02:30:00Z 2026-03-01T02:30:00Z
					UNIX   | 0 12 * * MON-FRI   | 2026-01-01T00:00:00Z | 2026-01-01T12:00:00Z 2026-01-02T12:00:00Z 2026-01-05T12:00:00Z
					UNIX   | 0 0 1 * 1          | 2026-01-20T00:00:00Z | 2026-01-26T00:00:00Z 2026-02-01T00:00:00Z 2026-02-02T00:00:00Z
					UNIX   | 0 0 * * 0          | 2026-01-01T00:00:00Z | 2026-01-04T00:00:00Z 2026-01-11T00:00:00Z 2026-01-18T00:00:00Z
					UNIX   | 0 0 * * 7          | 2026-01-01T00:00:00Z | 2026-01-04T00:00:00Z 2026-01-11T00:00:00Z 2026-01-18T00:00:00Z
					SPRING | */10 * * * * *     | 2026-01-01T00:00:00Z | 2026-01-01T00:00:10Z 2026-01-01T00:00:20Z 2026-01-01T00:00:30Z
					SPRING | 0 0 8 * * *        | 2026-01-01T00:00:00Z | 2026-01-01T08:00:00Z 2026-01-02T08:00:00Z 2026-01-03T08:00:00Z
					SPRING | 0 0 9 * * 0        | 2026-01-01T00:00:00Z | 2026-01-04T09:00:00Z 2026-01-11T09:00:00Z 2026-01-18T09:00:00Z
					SPRING | 0 0 9 * * 7        | 2026-01-01T00:00:00Z | 2026-01-04T09:00:00Z 2026-01-11T09:00:00Z 2026-01-18T09:00:00Z
					SPRING | 0 30 8 * * MON-FRI | 2026-01-01T00:00:00Z | 2026-01-01T08:30:00Z 2026-01-02T08:30:00Z 2026-01-05T08:30:00Z
					SPRING | 0 0 9 * JUL WED    | 2026-01-01T00:00:00Z | 2026-07-01T09:00:00Z 2026-07-08T09:00:00Z 2026-07-15T09:00:00Z
					SPRING | 0 0 0 L * *        | 2026-01-01T00:00:00Z | 2026-01-31T00:00:00Z 2026-02-28T00:00:00Z 2026-03-31T00:00:00Z
					QUARTZ | 0 0 12 ? * MON-FRI | 2026-01-01T00:00:00Z | 2026-01-01T12:00:00Z 2026-01-02T12:00:00Z 2026-01-05T12:00:00Z
					QUARTZ | 0 0 12 ? * 2       | 2026-01-01T00:00:00Z | 2026-01-05T12:00:00Z 2026-01-12T12:00:00Z 2026-01-19T12:00:00Z
					QUARTZ | 0 0 0 L * ?        | 2026-01-01T00:00:00Z | 2026-01-31T00:00:00Z 2026-02-28T00:00:00Z 2026-03-31T00:00:00Z
					QUARTZ | 0 0 9 15W * ?      | 2026-01-01T00:00:00Z | 2026-01-15T09:00:00Z 2026-02-16T09:00:00Z 2026-03-16T09:00:00Z
					QUARTZ | 0 0 10 ? * 6#3     | 2026-01-01T00:00:00Z | 2026-01-16T10:00:00Z 2026-02-20T10:00:00Z 2026-03-20T10:00:00Z
					QUARTZ | 0 0 10 ? * 6L      | 2026-01-01T00:00:00Z | 2026-01-30T10:00:00Z 2026-02-27T10:00:00Z 2026-03-27T10:00:00Z
					QUARTZ | 0 0 12 1 * ? 2026-2027 | 2026-01-01T00:00:00Z | 2026-01-01T12:00:00Z 2026-02-01T12:00:00Z 2026-03-01T12:00:00Z
					QUARTZ | 0 0 12 1 1 ? 2027  | 2026-01-01T00:00:00Z | 2027-01-01T12:00:00Z
					""")
	void eachDialectIsDetectedAndComputesItsNextRuns(CronDialect dialect, String cron, Instant after, String expected) {
		CronSchedule schedule = CronExpressions.parse(cron, ZoneOffset.UTC, null, "job");
		assertThat(schedule.dialect()).isEqualTo(dialect);
		assertThat(schedule.text()).isEqualTo(cron);
		assertThat(occurrences(schedule, after, 3)).isEqualTo(instants(expected));
	}

	@Test
	void quartzExpressionWithAPastYearHasNoNextRun() {
		CronSchedule schedule = CronExpressions.parse("0 0 12 1 1 ? 2027", ZoneOffset.UTC, null, "job");
		assertThat(schedule.next(Instant.parse("2027-01-01T12:00:00Z"))).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "|", textBlock = """
			@hourly   | 2026-01-01T01:00:00Z 2026-01-01T02:00:00Z 2026-01-01T03:00:00Z
			@daily    | 2026-01-02T00:00:00Z 2026-01-03T00:00:00Z 2026-01-04T00:00:00Z
			@midnight | 2026-01-02T00:00:00Z 2026-01-03T00:00:00Z 2026-01-04T00:00:00Z
			@weekly   | 2026-01-04T00:00:00Z 2026-01-11T00:00:00Z 2026-01-18T00:00:00Z
			@monthly  | 2026-02-01T00:00:00Z 2026-03-01T00:00:00Z 2026-04-01T00:00:00Z
			@yearly   | 2027-01-01T00:00:00Z 2028-01-01T00:00:00Z 2029-01-01T00:00:00Z
			@annually | 2027-01-01T00:00:00Z 2028-01-01T00:00:00Z 2029-01-01T00:00:00Z
			@DAILY    | 2026-01-02T00:00:00Z 2026-01-03T00:00:00Z 2026-01-04T00:00:00Z
			""")
	void eachMacroComputesItsNextRuns(String macro, String expected) {
		CronSchedule schedule = CronExpressions.parse(macro, ZoneOffset.UTC, null, "job");
		assertThat(schedule.text()).isEqualTo(macro);
		assertThat(schedule.dialect()).isEqualTo(CronDialect.UNIX);
		assertThat(occurrences(schedule, NEW_YEAR_2026, 3)).isEqualTo(instants(expected));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "|", textBlock = """
			* * * * *     | 2026-01-01T00:01:00Z
			*/5 * * * *   | 2026-01-01T00:05:00Z
			*/15 * * * *  | 2026-01-01T00:15:00Z
			*/30 * * * *  | 2026-01-01T00:30:00Z
			0 * * * *     | 2026-01-01T01:00:00Z
			0 */6 * * *   | 2026-01-01T06:00:00Z
			0 */12 * * *  | 2026-01-01T12:00:00Z
			0 0 * * *     | 2026-01-02T00:00:00Z
			0 12 * * *    | 2026-01-01T12:00:00Z
			0 0 * * 1     | 2026-01-05T00:00:00Z
			0 0 1 * *     | 2026-02-01T00:00:00Z
			""")
	void cronPatternsComputeTheirNextRun(String cron, Instant expected) {
		assertThat(CronExpressions.parse(cron, ZoneOffset.UTC, null, "job").next(NEW_YEAR_2026)).isEqualTo(expected);
	}

	@Test
	void cronPatternsConstantsAreTheTestedExpressions() {
		assertThat(new String[] { CronPatterns.EVERY_MINUTE, CronPatterns.EVERY_5_MINUTES,
				CronPatterns.EVERY_15_MINUTES, CronPatterns.EVERY_30_MINUTES, CronPatterns.EVERY_HOUR,
				CronPatterns.EVERY_6_HOURS, CronPatterns.EVERY_12_HOURS, CronPatterns.DAILY_MIDNIGHT,
				CronPatterns.DAILY_NOON, CronPatterns.WEEKLY_MONDAY, CronPatterns.MONTHLY_FIRST })
			.containsExactly("* * * * *", "*/5 * * * *", "*/15 * * * *", "*/30 * * * *", "0 * * * *", "0 */6 * * *",
					"0 */12 * * *", "0 0 * * *", "0 12 * * *", "0 0 * * 1", "0 0 1 * *");
	}

	@ParameterizedTest
	@EnumSource(CronDialect.class)
	void cronPatternsAndMacrosParseWhateverDialectIsForced(CronDialect forced) {
		assertThat(CronExpressions.parse(CronPatterns.WEEKLY_MONDAY, ZoneOffset.UTC, forced, "job").next(NEW_YEAR_2026))
			.isEqualTo("2026-01-05T00:00:00Z");
		assertThat(CronExpressions.parse("@daily", ZoneOffset.UTC, forced, "job").next(NEW_YEAR_2026))
			.isEqualTo("2026-01-02T00:00:00Z");
	}

	@Test
	void forcedSpringDialectReadsDayOfWeekNumbersAsSpringDoes() {
		CronSchedule detected = CronExpressions.parse("0 0 9 ? * 1", ZoneOffset.UTC, null, "job");
		CronSchedule forced = CronExpressions.parse("0 0 9 ? * 1", ZoneOffset.UTC, CronDialect.SPRING, "job");
		assertThat(detected.dialect()).isEqualTo(CronDialect.QUARTZ);
		assertThat(detected.next(NEW_YEAR_2026)).isEqualTo("2026-01-04T09:00:00Z");
		assertThat(forced.dialect()).isEqualTo(CronDialect.SPRING);
		assertThat(forced.next(NEW_YEAR_2026)).isEqualTo("2026-01-05T09:00:00Z");
	}

	@Test
	void forcedQuartzDialectDoesNotFallBackToSpring() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> CronExpressions.parse("0 0 0 L * *", ZoneOffset.UTC, CronDialect.QUARTZ, "eom"))
			.withMessageStartingWith("Invalid Quartz cron expression '0 0 0 L * *' for recurring job 'eom': ");
	}

	@Test
	void forcedDialectRejectsAFieldCountItDoesNotHave() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> CronExpressions.parse("0 0 9 * * *", ZoneOffset.UTC, CronDialect.UNIX, "digest"))
			.withMessageStartingWith("Cron expression '0 0 9 * * *' has 6 fields, which the Unix dialect forced by "
					+ "jobs.defaults.recurring.cron-dialect does not accept for recurring job 'digest'");
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> CronExpressions.parse("0 0 9 ? * * 2027", ZoneOffset.UTC, CronDialect.SPRING, "digest"))
			.withMessageContaining("has 7 fields, which the Spring dialect");
	}

	@Test
	void unknownFieldCountNamesTheJobAndQuotesTheExpression() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> CronExpressions.parse("0 0 * *", ZoneOffset.UTC, null, "sync"))
			.withMessageStartingWith("Unknown cron field count 4 in '0 0 * *' for recurring job 'sync'; expected 5")
			.satisfies((ex) -> {
				assertThat(ex).isInstanceOf(InvalidJobRequestException.class);
				assertThat(ex.getRecurringJobName()).isEqualTo("sync");
				assertThat(ex.getValue()).isEqualTo("0 0 * *");
			});
	}

	@Test
	void messageLeavesOutTheJobWhenThereIsNone() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> CronExpressions.parse("0 0 * *", ZoneOffset.UTC, null, null))
			.withMessageStartingWith("Unknown cron field count 4 in '0 0 * *'; expected 5")
			.satisfies((ex) -> assertThat(ex.getRecurringJobName()).isNull());
	}

	@Test
	void garbageIsRejected() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> CronExpressions.parse("garbage", ZoneOffset.UTC, null, "sync"))
			.withMessageStartingWith("Unknown cron field count 1 in 'garbage' for recurring job 'sync'");
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> CronExpressions.parse("a b c d e", ZoneOffset.UTC, null, "sync"))
			.withMessageStartingWith("Invalid Unix cron expression 'a b c d e' for recurring job 'sync': ");
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "|", textBlock = """
			60 * * * *          | Invalid Unix cron expression '60 * * * *'
			0 25 * * *          | Invalid Unix cron expression '0 25 * * *'
			0 0 0 32 * *        | Invalid Spring cron expression '0 0 0 32 * *'
			0 0 12 ? * MON#6    | Cron expression '0 0 12 ? * MON#6' never matches a date
			0 0 12 1 1 ? 1900   | Invalid Quartz cron expression '0 0 12 1 1 ? 1900'
			0 0 30 2 *          | Cron expression '0 0 30 2 *' never matches a date
			@reboot             | Unknown cron macro '@reboot' for recurring job 'sync'; supported: @hourly
			""")
	void outOfRangeOrImpossibleExpressionsAreRejected(String cron, String message) {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> CronExpressions.parse(cron, ZoneOffset.UTC, null, "sync"))
			.withMessageStartingWith(message);
	}

	@Test
	void blankExpressionIsRejected() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> CronExpressions.parse("  ", ZoneOffset.UTC, null, "sync"))
			.withMessage("Cron expression must not be blank for recurring job 'sync'");
	}

	@Test
	void extraWhitespaceIsIgnoredAndTheTextIsKeptTrimmed() {
		CronSchedule schedule = CronExpressions.parse("  0  9 *\t* 1 ", ZoneId.of("Europe/Paris"), null, "job");
		assertThat(schedule.text()).isEqualTo("0  9 *\t* 1");
		assertThat(schedule.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
		assertThat(schedule.next(NEW_YEAR_2026)).isEqualTo("2026-01-05T08:00:00Z");
	}

}
