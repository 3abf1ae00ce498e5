package dev.jobs.autoconfigure;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.store.jdbc.postgresql.PostgresEnqueueListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Enqueue notifications are PostgreSQL's only: on H2 no enqueue listener listens and jobs
 * run through local wake-ups and polling. PostgreSQL itself is covered by
 * {@link PostgresNotificationsTests}.
 */
class JobsNotificationsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
				JobsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "jobs.worker.poll-interval=10s",
				"jobs.worker.shutdown-timeout=1s")
		.withUserConfiguration(NoopHandlerConfiguration.class);

	@Test
	void onH2NothingListensAndAnEnqueueWakesTheLocalWorker() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(PostgresEnqueueListener.class);
			JobsEnqueueListener listener = context.getBean(JobsEnqueueListener.class);
			assertThat(listener.listener()).isNull();
			assertThat(listener.isRunning()).isFalse();
			Jobs jobs = context.getBean(Jobs.class);
			JobId id = jobs.enqueue("noop", null);
			// well before the poll interval: the local wake-up after the commit
			await().atMost(Duration.ofSeconds(5))
				.until(() -> jobs.get(id).orElseThrow().status() == JobStatus.COMPLETED);
		});
	}

	@Test
	void worksWithoutThePostgresDriverOnTheClassPath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.postgresql")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(JobsEnqueueListener.class).listener()).isNull();
			Jobs jobs = context.getBean(Jobs.class);
			JobId id = jobs.enqueue("noop", null);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> jobs.get(id).orElseThrow().status() == JobStatus.COMPLETED);
		});
	}

	@Test
	void aNodeWithoutAWorkerHasNoListener() {
		this.contextRunner.withPropertyValues("jobs.worker.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(JobsEnqueueListener.class));
	}

	@Test
	void disabledNotificationsHaveNoListener() {
		this.contextRunner.withPropertyValues("jobs.notifications.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(JobsEnqueueListener.class);
			Jobs jobs = context.getBean(Jobs.class);
			JobId id = jobs.enqueue("noop", null);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> jobs.get(id).orElseThrow().status() == JobStatus.COMPLETED);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class NoopHandlerConfiguration {

		@Bean
		NoopHandler noopHandler() {
			return new NoopHandler();
		}

	}

	static class NoopHandler {

		@JobHandler("noop")
		void noop() {
		}

	}

}
