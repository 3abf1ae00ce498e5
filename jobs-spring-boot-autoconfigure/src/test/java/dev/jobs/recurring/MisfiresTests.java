package dev.jobs.recurring;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.jobs.MisfirePolicy;
import dev.jobs.recurring.Misfires.Decision;

import static dev.jobs.recurring.ScheduleAssertions.instants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Misfires}: a minutely schedule whose nodes were all down from 10:00:30
 * to 10:05:30, so that the occurrences from 10:01 to 10:05 were missed.
 */
class MisfiresTests {

	private static final Duration GRACE = Duration.ofSeconds(6);

	private final Schedule minutely = Schedules.cron("minutely", "* * * * *", ZoneOffset.UTC, null);

	private final Instant storedNextRun = Instant.parse("2026-01-01T10:01:00Z");

	private final Instant backUp = Instant.parse("2026-01-01T10:05:30Z");

	@Test
	void fireOnceRunsOneCatchUpThenIsBackOnSchedule() {
		Decision decision = decide(MisfirePolicy.FIRE_ONCE, 3);
		assertThat(decision.occurrences()).containsExactly(this.storedNextRun);
		assertThat(decision.nextRunAt()).isEqualTo("2026-01-01T10:06:00Z");
	}

	@Test
	void skipRunsNothingAndWaitsForTheNextOccurrence() {
		Decision decision = decide(MisfirePolicy.SKIP, 3);
		assertThat(decision.occurrences()).isEmpty();
		assertThat(decision.nextRunAt()).isEqualTo("2026-01-01T10:06:00Z");
	}

	@Test
	void fireAllRunsTheOldestMissedOccurrencesUpToTheBound() {
		Decision decision = decide(MisfirePolicy.FIRE_ALL, 3);
		assertThat(decision.occurrences())
			.isEqualTo(instants("2026-01-01T10:01:00Z 2026-01-01T10:02:00Z 2026-01-01T10:03:00Z"));
		assertThat(decision.nextRunAt()).isEqualTo("2026-01-01T10:06:00Z");
	}

	@Test
	void fireAllRunsEveryMissedOccurrenceWithinTheBound() {
		Decision decision = decide(MisfirePolicy.FIRE_ALL, 10);
		assertThat(decision.occurrences()).isEqualTo(instants(
				"2026-01-01T10:01:00Z 2026-01-01T10:02:00Z 2026-01-01T10:03:00Z 2026-01-01T10:04:00Z 2026-01-01T10:05:00Z"));
		assertThat(decision.nextRunAt()).isEqualTo("2026-01-01T10:06:00Z");
	}

	@ParameterizedTest
	@EnumSource(MisfirePolicy.class)
	void occurrenceWithinGraceIsNotAMisfireAndRuns(MisfirePolicy policy) {
		Instant now = Instant.parse("2026-01-01T10:01:05Z");
		Decision decision = Misfires.decide(this.minutely, this.storedNextRun, now, policy, 3, GRACE);
		assertThat(decision.occurrences()).containsExactly(this.storedNextRun);
		assertThat(decision.nextRunAt()).isEqualTo("2026-01-01T10:02:00Z");
	}

	@Test
	void occurrenceExactlyGraceOldIsOnTime() {
		Decision decision = Misfires.decide(this.minutely, this.storedNextRun, this.storedNextRun.plus(GRACE),
				MisfirePolicy.SKIP, 3, GRACE);
		assertThat(decision.occurrences()).containsExactly(this.storedNextRun);
	}

	@Test
	void onTimeOccurrenceRunsBesideTheMissedOnes() {
		Instant now = Instant.parse("2026-01-01T10:05:02Z");
		assertThat(Misfires.decide(this.minutely, this.storedNextRun, now, MisfirePolicy.FIRE_ONCE, 3, GRACE)
			.occurrences()).isEqualTo(instants("2026-01-01T10:01:00Z 2026-01-01T10:05:00Z"));
		assertThat(Misfires.decide(this.minutely, this.storedNextRun, now, MisfirePolicy.SKIP, 3, GRACE).occurrences())
			.isEqualTo(instants("2026-01-01T10:05:00Z"));
		assertThat(
				Misfires.decide(this.minutely, this.storedNextRun, now, MisfirePolicy.FIRE_ALL, 2, GRACE).occurrences())
			.isEqualTo(instants("2026-01-01T10:01:00Z 2026-01-01T10:02:00Z 2026-01-01T10:05:00Z"));
	}

	@ParameterizedTest
	@EnumSource(MisfirePolicy.class)
	void scheduleFasterThanThePollIntervalLosesNoRun(MisfirePolicy policy) {
		Schedule everySecond = Schedules.cron("tick", "* * * * * *", ZoneOffset.UTC, null);
		Decision decision = Misfires.decide(everySecond, Instant.parse("2026-01-01T10:00:00Z"),
				Instant.parse("2026-01-01T10:00:01.500Z"), policy, 0, GRACE);
		assertThat(decision.occurrences()).isEqualTo(instants("2026-01-01T10:00:00Z 2026-01-01T10:00:01Z"));
		assertThat(decision.nextRunAt()).isEqualTo("2026-01-01T10:00:02Z");
	}

	@ParameterizedTest
	@EnumSource(MisfirePolicy.class)
	void notYetDueRunsNothingAndKeepsTheNextRun(MisfirePolicy policy) {
		Instant now = this.storedNextRun.minusMillis(1);
		Decision decision = Misfires.decide(this.minutely, this.storedNextRun, now, policy, 3, GRACE);
		assertThat(decision.occurrences()).isEmpty();
		assertThat(decision.nextRunAt()).isEqualTo(this.storedNextRun);
	}

	@Test
	void exhaustedScheduleHasNoNextRun() {
		Schedule once = Schedules.cron("once", "0 0 12 1 1 ? 2026", ZoneOffset.UTC, null);
		Instant occurrence = Instant.parse("2026-01-01T12:00:00Z");
		Decision decision = Misfires.decide(once, occurrence, occurrence.plusSeconds(1), MisfirePolicy.FIRE_ONCE, 3,
				GRACE);
		assertThat(decision.occurrences()).containsExactly(occurrence);
		assertThat(decision.nextRunAt()).isNull();
	}

	@Test
	void intervalScheduleCatchesUpLikeACronOne() {
		Schedule interval = Schedules.interval("sync", "15m", ZoneOffset.UTC);
		Decision decision = Misfires.decide(interval, Instant.parse("2026-01-01T10:00:00Z"),
				Instant.parse("2026-01-01T11:01:00Z"), MisfirePolicy.FIRE_ALL, 10, GRACE);
		assertThat(decision.occurrences()).isEqualTo(instants(
				"2026-01-01T10:00:00Z 2026-01-01T10:15:00Z 2026-01-01T10:30:00Z 2026-01-01T10:45:00Z 2026-01-01T11:00:00Z"));
		assertThat(decision.nextRunAt()).isEqualTo("2026-01-01T11:15:00Z");
	}

	@Test
	void negativeBoundOrGraceIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Misfires.decide(this.minutely, this.storedNextRun,
				this.backUp, MisfirePolicy.FIRE_ALL, -1, GRACE));
		assertThatIllegalArgumentException().isThrownBy(() -> Misfires.decide(this.minutely, this.storedNextRun,
				this.backUp, MisfirePolicy.FIRE_ALL, 3, Duration.ofSeconds(-1)));
	}

	private Decision decide(MisfirePolicy policy, int maxCatchUp) {
		return Misfires.decide(this.minutely, this.storedNextRun, this.backUp, policy, maxCatchUp, GRACE);
	}

}
