package dev.jobs.health;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.autoconfigure.JobsAutoConfiguration;
import dev.jobs.autoconfigure.health.JobsHealthContributorAutoConfiguration;
import dev.jobs.event.JobsHealthChangedEvent;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.store.JobClaimer;
import dev.jobs.store.JobStore;
import dev.jobs.store.jdbc.JdbcJobStores;
import dev.jobs.store.jdbc.SchemaVendor;
import dev.jobs.store.jdbc.TablePrefix;
import dev.jobs.testsupport.MonitoringEvents;
import dev.jobs.testsupport.ObservedDataSource;
import dev.jobs.testsupport.Recorder;
import dev.jobs.testsupport.TestHandlers;
import dev.jobs.worker.PollingJobWorker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for {@link JobsHealthIndicator} and the
 * {@link JobsHealthChangedEvent} in a real context on H2 whose DataSource the test can
 * break.
 */
class JobsHealthIntegrationTests {

	private final ObservedDataSource dataSource = new ObservedDataSource(new SimpleDriverDataSource(new org.h2.Driver(),
			"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));

	private final Recorder recorder = new Recorder();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceTransactionManagerAutoConfiguration.class,
				JacksonAutoConfiguration.class, JobsAutoConfiguration.class,
				JobsHealthContributorAutoConfiguration.class))
		.withBean(DataSource.class, () -> this.dataSource)
		.withBean(TestHandlers.class, () -> new TestHandlers(this.recorder, "node"))
		.withBean(MonitoringEvents.class)
		.withPropertyValues("jobs.worker.poll-interval=100ms", "jobs.worker.shutdown-timeout=1s",
				"jobs.health.missed-polls=20");

	@Test
	void isDownWhileTheDatabaseIsUnreachableAndUpWhenItIsBack() {
		this.contextRunner.run((context) -> {
			JobsHealthIndicator indicator = context.getBean(JobsHealthIndicator.class);
			MonitoringEvents events = context.getBean(MonitoringEvents.class);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			this.dataSource.broken(true);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				Health health = indicator.health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("reason", "store unreachable").containsKey("error");
			});
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(
						() -> assertThat(events.healthChanges()).contains(new JobsHealthChangedEvent("UP", "DOWN")));
			this.dataSource.broken(false);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(indicator.health().getStatus()).isEqualTo(Status.UP));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(
						() -> assertThat(events.healthChanges()).endsWith(new JobsHealthChangedEvent("DOWN", "UP")));
		});
	}

	@Test
	void jobsInFlightWhenTheDatabaseIsLostAllEndOnceItIsBack() {
		this.contextRunner.run((context) -> {
			JobsHealthIndicator indicator = context.getBean(JobsHealthIndicator.class);
			Jobs jobs = context.getBean(Jobs.class);
			List<JobId> ids = jobs.enqueueAll(
					IntStream.range(0, 40).mapToObj((i) -> JobRequest.of("tracked", 300L).maxAttempts(1)).toList());
			await().atMost(Duration.ofSeconds(20)).until(() -> this.recorder.totalRuns() >= 5);
			// connections in use break too: the running jobs' ends, heartbeats and claims
			// fail
			this.dataSource.broken(true);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN));
			Thread.sleep(2_000);
			this.dataSource.broken(false);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(indicator.health().getStatus()).isEqualTo(Status.UP));
			// every job ends: none is lost, none stays RUNNING while its node lives
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(ids).allSatisfy((id) -> assertThat(jobs.get(id).orElseThrow().status())
					.isIn(JobStatus.COMPLETED, JobStatus.PENDING, JobStatus.SCHEDULED)
					.isNotIn(JobStatus.RUNNING)));
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(ids).allSatisfy(
						(id) -> assertThat(jobs.get(id).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED)));
			// the node lived through the outage, so no job ran twice
			assertThat(ids).allSatisfy((id) -> assertThat(this.recorder.runs(id)).isOne());
		});
	}

	@Test
	void isOutOfServiceOnceTheWorkerStops() {
		this.contextRunner.run((context) -> {
			JobsHealthIndicator indicator = context.getBean(JobsHealthIndicator.class);
			MonitoringEvents events = context.getBean(MonitoringEvents.class);
			context.getBean(PollingJobWorker.class).stop();
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(health.getDetails()).containsEntry("worker", "stopped");
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(events.healthChanges())
					.containsExactly(new JobsHealthChangedEvent("UP", "OUT_OF_SERVICE")));
			context.getBean(PollingJobWorker.class).start();
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(events.healthChanges())
					.endsWith(new JobsHealthChangedEvent("OUT_OF_SERVICE", "UP")));
		});
	}

	@Test
	void isDownWhileTheWorkerMissesItsPolls() {
		AtomicBoolean stalled = new AtomicBoolean();
		this.contextRunner.withBean(JobStore.class, () -> stallingClaims(stalled)).run((context) -> {
			JobsHealthIndicator indicator = context.getBean(JobsHealthIndicator.class);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			stalled.set(true);
			// 20 missed polls of 100ms
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				Health health = indicator.health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("reason", "no successful poll for PT2S");
			});
			stalled.set(false);
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(indicator.health().getStatus()).isEqualTo(Status.UP));
		});
	}

	private JobStore stallingClaims(AtomicBoolean stalled) {
		JobStore store = JdbcJobStores.create(this.dataSource, SchemaVendor.H2, TablePrefix.DEFAULT,
				new JobPayloadMapper(new JsonMapper(), 1024));
		JobClaimer claimer = (request) -> {
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (stalled.get() && System.nanoTime() < deadline) {
				LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
			}
			return store.claimer().claim(request);
		};
		return new JobStore(store.writer(), claimer, store.attempts(), store.nodes(), store.queries(),
				store.recurring(), store.logs(), store.history(), store.queues());
	}

	@Test
	void isDownWhileMoreThreadsThanAllowedAreStuck() {
		this.contextRunner.withPropertyValues("jobs.health.max-stuck-threads=0").run((context) -> {
			JobsHealthIndicator indicator = context.getBean(JobsHealthIndicator.class);
			Jobs jobs = context.getBean(Jobs.class);
			// times out after 200ms but ignores the interrupt for 3s
			JobId id = jobs.enqueue("stubborn", 3_000L);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				Health health = indicator.health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("stuckThreads", 1);
			});
			// the slot, and so the stuck thread, is counted before the outcome's batch
			// commits
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(jobs.get(id).orElseThrow().status()).isEqualTo(JobStatus.FAILED));
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(indicator.health().getStatus()).isEqualTo(Status.UP));
		});
	}

	@Test
	void reportsTheFailureRateOfThisNodesAttempts() {
		this.contextRunner.run((context) -> {
			Jobs jobs = context.getBean(Jobs.class);
			JobId fails = jobs.enqueue("always-fails", null);
			JobId ok = jobs.enqueue("noop", null);
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				assertThat(jobs.get(fails).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
				assertThat(jobs.get(ok).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
			});
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				Health health = context.getBean(JobsHealthIndicator.class).health();
				assertThat(health.getDetails()).containsEntry("finishedAttempts", 4L)
					.containsEntry("failedAttempts", 3L)
					.containsEntry("failureRate", 0.75)
					.containsKey("lastPoll");
			});
		});
	}

}
