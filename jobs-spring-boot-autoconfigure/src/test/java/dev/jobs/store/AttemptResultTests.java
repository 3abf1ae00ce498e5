package dev.jobs.store;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.jobs.JobExecution.Outcome;
import dev.jobs.RetryBackoff;
import dev.jobs.event.JobCancelledEvent;
import dev.jobs.event.JobCompletedEvent;
import dev.jobs.event.JobFailedEvent;
import dev.jobs.event.JobRetryScheduledEvent;
import dev.jobs.testsupport.ClaimedJobs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AttemptResult}: each end of an attempt knows its execution outcome,
 * its metric tag and its event.
 */
class AttemptResultTests {

	private final ClaimedJob job = job();

	private final Duration took = Duration.ofMillis(40);

	@Test
	void completedAttemptIsTimedAsCompletedAndAnnouncedWithItsValue() {
		AttemptResult result = new AttemptResult.Completed("\"ok\"");
		assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
		assertThat(result.metricTag()).isEqualTo("completed");
		assertThat(result.event(this.job, "ok", this.took)).isInstanceOfSatisfying(JobCompletedEvent.class, (event) -> {
			assertThat(event.jobId()).isEqualTo(this.job.id());
			assertThat(event.result()).isEqualTo("ok");
			assertThat(event.duration()).isEqualTo(this.took);
		});
	}

	@Test
	void retryIsTimedAsRetriedUnlessItTimedOut() {
		AttemptResult failed = new AttemptResult.Retry(Outcome.FAILED, "boom", Duration.ofSeconds(5));
		AttemptResult timedOut = new AttemptResult.Retry(Outcome.TIMED_OUT, "slow", Duration.ofSeconds(5));
		assertThat(failed.metricTag()).isEqualTo("retried");
		assertThat(timedOut.metricTag()).isEqualTo("timed_out");
		Instant before = Instant.now();
		assertThat(failed.event(this.job, null, this.took)).isInstanceOfSatisfying(JobRetryScheduledEvent.class,
				(event) -> {
					assertThat(event.error()).isEqualTo("boom");
					assertThat(event.nextRunAt()).isAfterOrEqualTo(before.plusSeconds(5));
				});
	}

	@Test
	void failureIsTimedAsFailedUnlessItTimedOut() {
		AttemptResult failed = new AttemptResult.Failed(Outcome.FAILED, "boom");
		assertThat(failed.metricTag()).isEqualTo("failed");
		assertThat(new AttemptResult.Failed(Outcome.TIMED_OUT, "slow").metricTag()).isEqualTo("timed_out");
		assertThat(failed.event(this.job, null, this.took)).isInstanceOfSatisfying(JobFailedEvent.class,
				(event) -> assertThat(event.attempts()).isEqualTo(this.job.attempt()));
	}

	@Test
	void cancelledAttemptIsTimedAndAnnounced() {
		AttemptResult result = new AttemptResult.Cancelled("stop");
		assertThat(result.outcome()).isEqualTo(Outcome.CANCELLED);
		assertThat(result.metricTag()).isEqualTo("cancelled");
		assertThat(result.event(this.job, null, this.took)).isInstanceOf(JobCancelledEvent.class);
	}

	@Test
	void handedBackAttemptIsNeitherTimedNorAnnounced() {
		AttemptResult result = new AttemptResult.HandedBack("shutdown");
		assertThat(result.outcome()).isEqualTo(Outcome.INTERRUPTED);
		assertThat(result.metricTag()).isNull();
		assertThat(result.event(this.job, null, this.took)).isNull();
	}

	@Test
	void refusedErrorKeepsTheEndWithTheNewText() {
		assertThat(new AttemptResult.Retry(Outcome.TIMED_OUT, "x", Duration.ofSeconds(2)).withError("refused"))
			.isEqualTo(new AttemptResult.Retry(Outcome.TIMED_OUT, "refused", Duration.ofSeconds(2)));
		assertThat(new AttemptResult.Failed(Outcome.FAILED, "x").withError("refused"))
			.isEqualTo(new AttemptResult.Failed(Outcome.FAILED, "refused"));
		assertThat(new AttemptResult.Cancelled("x").withError("refused"))
			.isEqualTo(new AttemptResult.Cancelled("refused"));
		assertThat(new AttemptResult.HandedBack("x").withError("refused"))
			.isEqualTo(new AttemptResult.HandedBack("refused"));
	}

	@Test
	void completedAttemptWhoseResultWasRefusedFails() {
		assertThat(new AttemptResult.Completed("{\"big\":1}").withError("refused"))
			.isEqualTo(new AttemptResult.Failed(Outcome.FAILED, "refused"));
		assertThat(new AttemptResult.Completed(null).withError("refused")).isNull();
	}

	private static ClaimedJob job() {
		return ClaimedJobs.claimed("work", null, 2, 3, RetryBackoff.fixed(Duration.ofSeconds(1)));
	}

}
