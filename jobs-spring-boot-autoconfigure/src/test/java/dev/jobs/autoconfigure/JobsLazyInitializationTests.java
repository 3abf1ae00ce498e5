package dev.jobs.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.jobs.Jobs;
import dev.jobs.RecurringJob;
import dev.jobs.RecurringJobInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for applications that run with {@code spring.main.lazy-initialization=true}: the
 * beans that declare jobs are created all the same, so their jobs are known.
 */
class JobsLazyInitializationTests {

	@Test
	void declaresTheRecurringJobsOfABeanWithNoJobHandlerMethods() {
		try (ConfigurableApplicationContext context = run("jdbc:h2:mem:" + UUID.randomUUID(), true)) {
			assertThat(cleanup(context).paused()).isFalse();
			assertThat(cleanup(context).nextRunAt()).isNotNull();
			CartCleanup bean = context.getBean(CartCleanup.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> bean.runs.get() > 0);
		}
	}

	@Test
	void keepsTheRecurringJobsOfABeanWithNoJobHandlerMethodsScheduledOnceLazyInitializationIsOn(
			@TempDir Path directory) {
		String url = "jdbc:h2:file:" + directory.resolve("jobs");
		try (ConfigurableApplicationContext context = run(url, false)) {
			assertThat(cleanup(context).paused()).isFalse();
		}
		try (ConfigurableApplicationContext context = run(url, true)) {
			assertThat(cleanup(context).paused()).isFalse();
			assertThat(cleanup(context).nextRunAt()).isNotNull();
		}
	}

	private static ConfigurableApplicationContext run(String url, boolean lazy) {
		return new SpringApplicationBuilder(MaintenanceApplication.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.main.lazy-initialization=" + lazy,
					"spring.datasource.url=" + url, "jobs.worker.poll-interval=100ms",
					"jobs.worker.shutdown-timeout=1s")
			.run();
	}

	private static RecurringJobInfo cleanup(ConfigurableApplicationContext context) {
		return context.getBean(Jobs.class)
			.recurringJobs()
			.stream()
			.filter((info) -> info.name().equals("cart-cleanup"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Recurring job 'cart-cleanup' is not stored"));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
			JacksonAutoConfiguration.class, JobsAutoConfiguration.class })
	static class MaintenanceApplication {

		@Bean
		CartCleanup cartCleanup() {
			return new CartCleanup();
		}

	}

	static class CartCleanup {

		private final AtomicInteger runs = new AtomicInteger();

		@RecurringJob(value = "cart-cleanup", interval = "1h", runOnStart = true)
		void cleanUp() {
			this.runs.incrementAndGet();
		}

	}

}
