package dev.jobs.autoconfigure.health;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.jobs.Jobs;
import dev.jobs.autoconfigure.JobsAutoConfiguration;
import dev.jobs.health.JobsHealthEvaluator;
import dev.jobs.health.JobsHealthIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link JobsHealthContributorAutoConfiguration}.
 */
class JobsHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
				JobsAutoConfiguration.class, JobsHealthContributorAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "jobs.worker.poll-interval=100ms",
				"jobs.worker.shutdown-timeout=1s");

	@Test
	void isRegisteredAsAnAutoConfiguration() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
			.contains(JobsHealthContributorAutoConfiguration.class.getName());
	}

	@Test
	void contributesJobsHealthIndicator() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(JobsHealthIndicator.class).hasBean("jobsHealthIndicator");
			Health health = context.getBean(JobsHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("worker", "running")
				.containsEntry("capacity", 10)
				.containsKeys("queues", "pending", "activeJobs", "stuckThreads", "failureRate", "failureRateWindow");
		});
	}

	@Test
	void reportsTheStoreOnANodeWithoutWorker() {
		this.contextRunner.withPropertyValues("jobs.worker.enabled=false").run((context) -> {
			context.getBean(Jobs.class).enqueue("anything", null);
			// the counts are cached for a second
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				Health health = context.getBean(JobsHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("worker", "disabled")
					.containsEntry("pending", 1L)
					.containsEntry("queues", Map.of("default", 1L))
					.containsKey("oldestPendingAge")
					.doesNotContainKey("capacity");
			});
		});
	}

	@Test
	void backsOffWhenTheHealthIndicatorIsDisabled() {
		this.contextRunner.withPropertyValues("management.health.jobs.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(JobsHealthEvaluator.class)
				.doesNotHaveBean(JobsHealthIndicator.class));
	}

	@Test
	void backsOffWithoutSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Jobs.class)
				.doesNotHaveBean(JobsHealthIndicator.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnJobsHealthIndicator() {
		this.contextRunner
			.withBean("jobsHealthIndicator", HealthIndicator.class, () -> () -> Health.outOfService().build())
			.run((context) -> assertThat(context).doesNotHaveBean(JobsHealthIndicator.class)
				.hasBean("jobsHealthIndicator"));
	}

	@Test
	void backsOffWhenJobsDisabled() {
		this.contextRunner.withPropertyValues("jobs.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(JobsHealthIndicator.class));
	}

}
