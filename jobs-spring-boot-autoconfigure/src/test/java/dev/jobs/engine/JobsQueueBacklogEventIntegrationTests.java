package dev.jobs.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.Jobs;
import dev.jobs.autoconfigure.JobsAutoConfiguration;
import dev.jobs.event.QueueBacklogEvent;
import dev.jobs.testsupport.MonitoringEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for {@link QueueBacklogWatcher}: {@link QueueBacklogEvent}s in a real
 * context on H2, for a queue this node does not claim, so that its jobs stay pending.
 */
class JobsQueueBacklogEventIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
				JobsAutoConfiguration.class))
		.withBean(MonitoringEvents.class)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "jobs.worker.poll-interval=100ms",
				"jobs.worker.shutdown-timeout=1s", "jobs.queues.reports.paused=true",
				"jobs.queues.reports.backlog-threshold=2");

	@Test
	void publishesOnceWhenTheBacklogRisesAboveTheThresholdAndOnceWhenItFallsBack() {
		this.contextRunner.run((context) -> {
			Jobs jobs = context.getBean(Jobs.class);
			MonitoringEvents events = context.getBean(MonitoringEvents.class);
			List<JobId> ids = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				ids.add(jobs.enqueue(JobRequest.of("report").queue("reports")));
			}
			// at the threshold, not above it
			runChecksAfterTheCacheExpires(context);
			assertThat(events.backlogs()).isEmpty();
			ids.add(jobs.enqueue(JobRequest.of("report").queue("reports")));
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(events.backlogs())
					.containsExactly(new QueueBacklogEvent("reports", 3, 2, true)));
			ids.add(jobs.enqueue(JobRequest.of("report").queue("reports")));
			runChecksAfterTheCacheExpires(context);
			assertThat(events.backlogs()).hasSize(1);
			jobs.cancel(ids.get(0));
			jobs.cancel(ids.get(1));
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(events.backlogs()).containsExactly(
						new QueueBacklogEvent("reports", 3, 2, true), new QueueBacklogEvent("reports", 2, 2, false)));
			runChecksAfterTheCacheExpires(context);
			assertThat(events.backlogs()).hasSize(2);
			// one route for every event: the starter's events thread, as for job events
			assertThat(events.threads()).allMatch((name) -> name.startsWith("jobs-events-"));
		});
	}

	@Test
	void doesNotWatchOnANodeWithoutWorker() {
		this.contextRunner.withPropertyValues("jobs.worker.enabled=false").run((context) -> {
			Jobs jobs = context.getBean(Jobs.class);
			for (int i = 0; i < 4; i++) {
				jobs.enqueue(JobRequest.of("report").queue("reports"));
			}
			runChecksAfterTheCacheExpires(context);
			assertThat(context.getBean(MonitoringEvents.class).backlogs()).isEmpty();
		});
	}

	@Test
	void rejectsANegativeThreshold() {
		this.contextRunner.withPropertyValues("jobs.queues.reports.backlog-threshold=-1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("jobs.queues.reports.backlog-threshold"));
	}

	private static void runChecksAfterTheCacheExpires(ApplicationContext context) throws InterruptedException {
		// the counts are cached for 1s with a 100ms poll interval; waiting is the point
		// here, not an assertion
		Thread.sleep(1_200);
		context.getBean(PeriodicChecks.class).runChecks();
		context.getBean(MonitoringEvents.class).awaitDelivered(context.getBean(AsyncEventPublisher.class));
	}

}
