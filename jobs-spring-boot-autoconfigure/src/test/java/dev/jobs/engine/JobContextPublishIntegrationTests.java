package dev.jobs.engine;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.jobs.JobContext;
import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.Jobs;
import dev.jobs.autoconfigure.JobsAutoConfiguration;
import dev.jobs.event.JobCompletedEvent;
import dev.jobs.event.JobEvent;
import dev.jobs.event.JobFailedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link JobContext#publish(Object)} in a real context on H2: a handler's event leaves by
 * the same route as the starter's own events (its events thread, in order, so before the
 * job's completion), and only once the handler's transaction, if any, committed.
 */
class JobContextPublishIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
				JobsAutoConfiguration.class))
		.withBean(AnnouncingHandlers.class)
		.withBean(Heard.class)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "jobs.worker.poll-interval=100ms",
				"jobs.worker.shutdown-timeout=1s");

	@Test
	void handlersEventLeavesOnTheEventsThreadBeforeTheJobsCompletion() {
		this.contextRunner.run((context) -> {
			JobId id = context.getBean(Jobs.class).enqueue("announce", null);
			Heard heard = context.getBean(Heard.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> heard.completed(id));
			assertThat(heard.events).filteredOn((event) -> concerns(event, id))
				.containsExactly(new Announced(id), heard.completion(id));
			assertThat(heard.threads).isNotEmpty().allMatch((name) -> name.startsWith("jobs-events-"));
		});
	}

	@Test
	void eventOfATransactionThatRolledBackIsNeverPublished() {
		this.contextRunner.run((context) -> {
			JobId committed = context.getBean(Jobs.class).enqueue(JobRequest.of("announce-in-transaction", false));
			JobId rolledBack = context.getBean(Jobs.class)
				.enqueue(JobRequest.of("announce-in-transaction", true).maxAttempts(1));
			Heard heard = context.getBean(Heard.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> heard.completed(committed) && heard.failed(rolledBack));
			assertThat(heard.events).filteredOn((event) -> concerns(event, committed))
				.startsWith(new Announced(committed));
			assertThat(heard.events).filteredOn((event) -> concerns(event, rolledBack))
				.noneMatch(Announced.class::isInstance);
		});
	}

	private static boolean concerns(Object event, JobId id) {
		return (event instanceof Announced announced && announced.id().equals(id))
				|| (event instanceof JobEvent jobEvent && jobEvent.jobId().equals(id)
						&& (event instanceof JobCompletedEvent || event instanceof JobFailedEvent));
	}

	record Announced(JobId id) {

	}

	static class AnnouncingHandlers {

		private final TransactionTemplate transactions;

		AnnouncingHandlers(PlatformTransactionManager transactionManager) {
			this.transactions = new TransactionTemplate(transactionManager);
		}

		@JobHandler("announce")
		void announce(JobContext context) {
			context.publish(new Announced(context.jobId()));
		}

		@JobHandler("announce-in-transaction")
		void announceInTransaction(Boolean rollBack, JobContext context) {
			this.transactions.executeWithoutResult((status) -> {
				context.publish(new Announced(context.jobId()));
				if (rollBack) {
					throw new IllegalStateException("rolled back on purpose");
				}
			});
		}

	}

	static class Heard {

		private final List<Object> events = new CopyOnWriteArrayList<>();

		private final List<String> threads = new CopyOnWriteArrayList<>();

		@EventListener
		void on(Announced event) {
			this.threads.add(Thread.currentThread().getName());
			this.events.add(event);
		}

		@EventListener
		void on(JobCompletedEvent event) {
			this.events.add(event);
		}

		@EventListener
		void on(JobFailedEvent event) {
			this.events.add(event);
		}

		boolean completed(JobId id) {
			return this.events.stream()
				.anyMatch((event) -> event instanceof JobCompletedEvent completed && completed.jobId().equals(id));
		}

		boolean failed(JobId id) {
			return this.events.stream()
				.anyMatch((event) -> event instanceof JobFailedEvent failed && failed.jobId().equals(id));
		}

		Object completion(JobId id) {
			return this.events.stream()
				.filter((event) -> event instanceof JobCompletedEvent completed && completed.jobId().equals(id))
				.findFirst()
				.orElseThrow();
		}

	}

}
