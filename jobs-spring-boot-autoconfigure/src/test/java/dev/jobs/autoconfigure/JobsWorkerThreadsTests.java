package dev.jobs.autoconfigure;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The threads handlers run on: platform threads by default, virtual threads with
 * {@code jobs.worker.virtual-threads=true} on Java 21 and later, and a clear failure on
 * older Java. CI runs the tests on Java 17 and on the newest Java, so both branches run.
 */
class JobsWorkerThreadsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
				JobsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "jobs.worker.concurrency=4",
				"jobs.worker.shutdown-timeout=1s")
		.withUserConfiguration(ThreadRecordingConfiguration.class);

	@Test
	void handlersRunOnPlatformWorkerThreadsByDefault() {
		this.contextRunner.run((context) -> {
			Queue<Thread> threads = runJobs(context.getBean(Jobs.class), context.getBean(ThreadRecorder.class));
			assertThat(threads).allSatisfy((thread) -> {
				assertThat(thread.getName()).startsWith("jobs-worker-");
				assertThat(isVirtual(thread)).isFalse();
			});
		});
	}

	@Test
	void virtualThreadsRunHandlersOnJava21OrLaterAndFailClearlyBefore() {
		this.contextRunner.withPropertyValues("jobs.worker.virtual-threads=true").run((context) -> {
			if (Runtime.version().feature() >= 21) {
				assertThat(context).hasNotFailed();
				Queue<Thread> threads = runJobs(context.getBean(Jobs.class), context.getBean(ThreadRecorder.class));
				assertThat(threads).allSatisfy((thread) -> {
					assertThat(thread.getName()).startsWith("jobs-worker-");
					assertThat(isVirtual(thread)).isTrue();
				});
			}
			else {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("jobs.worker.virtual-threads")
					.hasMessageContaining("Java 21");
			}
		});
	}

	private static Queue<Thread> runJobs(Jobs jobs, ThreadRecorder recorder) {
		List<JobId> ids = jobs.enqueueAll(Collections.nCopies(20, JobRequest.of("record-thread")));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> ids.stream().allMatch((id) -> status(jobs, id) == JobStatus.COMPLETED));
		assertThat(recorder.threads).hasSize(20);
		return recorder.threads;
	}

	private static JobStatus status(Jobs jobs, JobId id) {
		return jobs.get(id).orElseThrow().status();
	}

	private static boolean isVirtual(Thread thread) {
		try {
			return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static class ThreadRecorder {

		final Queue<Thread> threads = new ConcurrentLinkedQueue<>();

		@JobHandler("record-thread")
		void record() {
			this.threads.add(Thread.currentThread());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ThreadRecordingConfiguration {

		@Bean
		ThreadRecorder threadRecorder() {
			return new ThreadRecorder();
		}

	}

}
