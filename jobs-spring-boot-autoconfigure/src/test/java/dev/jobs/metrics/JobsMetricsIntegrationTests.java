package dev.jobs.metrics;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.RecurringJobRequest;
import dev.jobs.autoconfigure.JobsAutoConfiguration;
import dev.jobs.autoconfigure.metrics.JobsMetricsAutoConfiguration;
import dev.jobs.testsupport.CommitFaultDataSource;
import dev.jobs.testsupport.ObservedDataSource;
import dev.jobs.testsupport.Recorder;
import dev.jobs.testsupport.TestHandlers;
import dev.jobs.worker.PollingJobWorker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for {@link JobsMetrics} and {@link MicrometerJobLifecycleListener}: a
 * real context on H2 with a {@link SimpleMeterRegistry}.
 */
class JobsMetricsIntegrationTests {

	private static final String STATS_QUERY = "GROUP BY queue, effective_status";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceTransactionManagerAutoConfiguration.class,
				JacksonAutoConfiguration.class, MetricsAutoConfiguration.class, JobsAutoConfiguration.class,
				JobsMetricsAutoConfiguration.class))
		.withUserConfiguration(MetricsConfiguration.class)
		.withPropertyValues("jobs.worker.poll-interval=100ms", "jobs.worker.shutdown-timeout=1s",
				"jobs.defaults.backoff.delay=50ms", "jobs.defaults.backoff.jitter=0");

	private static DataSource h2() {
		return new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
	}

	@Test
	void recordsEachOutcomeOfAttempts() {
		this.contextRunner.withBean(DataSource.class, JobsMetricsIntegrationTests::h2).run((context) -> {
			Jobs jobs = context.getBean(Jobs.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			JobId noop = jobs.enqueue("noop", null);
			JobId flaky = jobs.enqueue("flaky", 1);
			JobId alwaysFails = jobs.enqueue("always-fails", null);
			JobId slow = jobs.enqueue("slow", 5_000L);
			JobId blocking = jobs.enqueue("blocking", null);
			awaitStatus(jobs, blocking, JobStatus.RUNNING);
			jobs.cancel(blocking);
			for (JobId id : new JobId[] { noop, flaky }) {
				awaitStatus(jobs, id, JobStatus.COMPLETED);
			}
			for (JobId id : new JobId[] { alwaysFails, slow }) {
				awaitStatus(jobs, id, JobStatus.FAILED);
			}
			awaitStatus(jobs, blocking, JobStatus.CANCELLED);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(executions(registry, "noop", "completed")).isEqualTo(1);
				assertThat(executions(registry, "flaky", "retried")).isEqualTo(1);
				assertThat(executions(registry, "flaky", "completed")).isEqualTo(1);
				assertThat(executions(registry, "always-fails", "retried")).isEqualTo(2);
				assertThat(executions(registry, "always-fails", "failed")).isEqualTo(1);
				assertThat(executions(registry, "slow", "timed_out")).isEqualTo(1);
				assertThat(executions(registry, "blocking", "cancelled")).isEqualTo(1);
			});
			assertThat(registry.get(JobsMetrics.EXECUTION).timers().stream().mapToLong(Timer::count).sum())
				.isEqualTo(8);
			assertThat(registry.get(JobsMetrics.ENQUEUED)
				.tags("job", "always-fails", "queue", "default")
				.counter()
				.count()).isEqualTo(1);
			// each attempt waits from its due time to its start
			assertThat(registry.get(JobsMetrics.WAIT).tags("job", "flaky", "queue", "default").timer().count())
				.isEqualTo(2);
			assertThat(registry.get(JobsMetrics.WORKERS_CAPACITY).gauge().value()).isEqualTo(10);
			assertThat(registry.get(JobsMetrics.WORKERS_ACTIVE).gauge().value()).isZero();
		});
	}

	@Test
	void tagsJobsWithoutAHandlerAsUnknown() {
		this.contextRunner.withBean(DataSource.class, JobsMetricsIntegrationTests::h2)
			.withPropertyValues("jobs.worker.enabled=false")
			.run((context) -> {
				Jobs jobs = context.getBean(Jobs.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				jobs.enqueue("nobody-handles-this", null);
				jobs.enqueue("nor-this", null);
				jobs.enqueue("noop", null);
				assertThat(registry.get(JobsMetrics.ENQUEUED).tags("job", JobsMetrics.UNKNOWN_JOB).counter().count())
					.isEqualTo(2);
				assertThat(registry.get(JobsMetrics.ENQUEUED).tags("job", "noop").counter().count()).isEqualTo(1);
				assertThat(registry.find(JobsMetrics.ENQUEUED).tags("job", "nobody-handles-this").counter()).isNull();
				assertThat(registry.find(JobsMetrics.WORKERS_ACTIVE).gauge()).isNull();
			});
	}

	@Test
	void gaugesThePendingJobsThatNoLiveNodeHandles() {
		this.contextRunner.withBean(DataSource.class, JobsMetricsIntegrationTests::h2)
			.withPropertyValues("jobs.worker.heartbeat-interval=200ms")
			.run((context) -> {
				Jobs jobs = context.getBean(Jobs.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				jobs.enqueue("nobody-handles-this", null);
				jobs.enqueue("nobody-handles-this", null);
				jobs.enqueue("nor-this", null);
				JobId handled = jobs.enqueue("noop", null);
				awaitStatus(jobs, handled, JobStatus.COMPLETED);
				await().atMost(Duration.ofSeconds(20))
					.untilAsserted(() -> assertThat(registry.get(JobsMetrics.UNHANDLED).gauge().value()).isEqualTo(3));
			});
	}

	@Test
	void queueSizeGaugesReadOneCachedGroupedQueryPerInterval() {
		ObservedDataSource dataSource = new ObservedDataSource(new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
		// poll interval 1s: the counts are cached for 5s
		this.contextRunner.withBean(DataSource.class, () -> dataSource)
			.withPropertyValues("jobs.worker.enabled=false", "jobs.worker.poll-interval=1s")
			.run((context) -> {
				Jobs jobs = context.getBean(Jobs.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				jobs.enqueue(JobRequest.of("noop").queue("reports"));
				jobs.enqueue(JobRequest.of("noop").queue("reports"));
				jobs.enqueue(JobRequest.of("noop").queue("mail").delay(Duration.ofHours(1)));
				await().atMost(Duration.ofSeconds(20))
					.untilAsserted(() -> assertThat(queueSize(registry, "reports", "pending")).isEqualTo(2));
				assertThat(queueSize(registry, "mail", "scheduled")).isEqualTo(1);
				long before = dataSource.count(STATS_QUERY);
				long start = System.nanoTime();
				for (int i = 0; i < 100; i++) {
					registry.get(JobsMetrics.QUEUE_SIZE).gauges().forEach(Gauge::value);
				}
				if (System.nanoTime() - start < Duration.ofSeconds(4).toNanos()) {
					assertThat(dataSource.count(STATS_QUERY) - before).isLessThanOrEqualTo(1);
				}
				JobId cancelled = jobs.query(dev.jobs.JobQuery.builder().queue("mail").build()).get(0).id();
				jobs.cancel(cancelled);
				await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
					assertThat(queueSize(registry, "mail", "scheduled")).isZero();
					assertThat(queueSize(registry, "mail", "cancelled")).isEqualTo(1);
				});
			});
	}

	@Test
	void countsRecurringOccurrencesSkippedWhileThePreviousRunIsUnfinished() {
		this.contextRunner.withBean(DataSource.class, JobsMetricsIntegrationTests::h2).run((context) -> {
			context.getBean(Jobs.class)
				.schedule(RecurringJobRequest.interval("hourglass", "200ms").handler("blocking"));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(
						registry.find(JobsMetrics.RECURRING_SKIPPED).tags("recurring", "hourglass").counter())
					.isNotNull()
					.satisfies((counter) -> assertThat(counter.count()).isPositive()));
			context.getBean(TestHandlers.class).release();
		});
	}

	@Test
	void countsJobsRescuedFromADeadNode() {
		DataSource shared = h2();
		ApplicationContextRunner nodes = this.contextRunner.withBean(DataSource.class, () -> shared)
			.withPropertyValues("jobs.worker.heartbeat-interval=200ms", "jobs.worker.stale-after=2s");
		nodes.withPropertyValues("jobs.node-name=node-a").run((a) -> {
			JobId id = a.getBean(Jobs.class).enqueue("blocking", null);
			awaitStatus(a.getBean(Jobs.class), id, JobStatus.RUNNING);
			a.getBean(PollingJobWorker.class).halt();
			nodes.withPropertyValues("jobs.node-name=node-b").run((b) -> {
				MeterRegistry registry = b.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(20))
					.untilAsserted(() -> assertThat(registry.find(JobsMetrics.RESCUED).counter()).isNotNull()
						.satisfies((counter) -> assertThat(counter.count()).isOne()));
				b.getBean(TestHandlers.class).release();
			});
		});
	}

	@Test
	void countsLateWritesDroppedByFencing() {
		DataSource shared = h2();
		this.contextRunner.withBean(DataSource.class, () -> shared).run((context) -> {
			Jobs jobs = context.getBean(Jobs.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			JobId id = jobs.enqueue("blocking", null);
			awaitStatus(jobs, id, JobStatus.RUNNING);
			// as when another node rescued and claimed the job meanwhile
			new JdbcTemplate(shared).update("UPDATE jobs_job SET fence = fence + 1 WHERE id = ?",
					UUID.fromString(id.toString()));
			context.getBean(TestHandlers.class).release();
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(registry.find(JobsMetrics.WRITES_FENCED).counter()).isNotNull()
					.satisfies((counter) -> assertThat(counter.count()).isOne()));
			assertThat(jobs.get(id).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
		});
	}

	@Test
	void countsStoreRetriesByReason() {
		CommitFaultDataSource faults = new CommitFaultDataSource(h2());
		this.contextRunner.withBean(DataSource.class, () -> faults).run((context) -> {
			Jobs jobs = context.getBean(Jobs.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			faults.closeConnectionAtNextCommit("jobs-committer", "jobs_job_execution (job_id");
			JobId id = jobs.enqueue("noop", null);
			awaitStatus(jobs, id, JobStatus.COMPLETED);
			assertThat(faults.faults()).isOne();
			assertThat(registry.find(JobsMetrics.STORE_RETRIES).tag("reason", "connection").counter()).isNotNull()
				.satisfies((counter) -> assertThat(counter.count()).isOne());
		});
	}

	private static double queueSize(MeterRegistry registry, String queue, String status) {
		Gauge gauge = registry.find(JobsMetrics.QUEUE_SIZE).tags("queue", queue, "status", status).gauge();
		return (gauge != null) ? gauge.value() : -1;
	}

	private static long executions(MeterRegistry registry, String job, String outcome) {
		Timer timer = registry.find(JobsMetrics.EXECUTION).tags("job", job, "outcome", outcome).timer();
		return (timer != null) ? timer.count() : 0;
	}

	private static void awaitStatus(Jobs jobs, JobId id, JobStatus status) {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(jobs.get(id).orElseThrow().status()).isEqualTo(status));
	}

	@Configuration(proxyBeanMethods = false)
	static class MetricsConfiguration {

		@Bean
		SimpleMeterRegistry simpleMeterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

		@Bean
		TestHandlers testHandlers(Recorder recorder) {
			return new TestHandlers(recorder, "node");
		}

	}

}
