package dev.jobs.recurring;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.jobs.JobContext;
import dev.jobs.Jobs;
import dev.jobs.RecurringJob;
import dev.jobs.RecurringJobInfo;
import dev.jobs.autoconfigure.JobsAutoConfiguration;
import dev.jobs.engine.HistoryCleanup;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecurringJobMethodProcessor}: declared recurring jobs are stored, and
 * a bad declaration fails start-up naming the job and quoting the value.
 */
class RecurringJobMethodProcessorTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
				JobsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "jobs.worker.auto-start=false");

	@Test
	void declaredRecurringJobIsStoredWithItsNextRun() {
		this.contextRunner.withUserConfiguration(ValidConfiguration.class)
			.withPropertyValues("jobs.defaults.recurring.zone=Europe/Paris")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Jobs.class).recurringJobs())
					.filteredOn((RecurringJobInfo info) -> !info.name().equals(HistoryCleanup.NAME))
					.singleElement()
					.satisfies((RecurringJobInfo info) -> {
						assertThat(info.name()).isEqualTo("digest");
						assertThat(info.handler()).isEqualTo("digest");
						assertThat(info.schedule()).isEqualTo("0 0 8 * * *");
						assertThat(info.zone().getId()).isEqualTo("Europe/Paris");
						assertThat(info.nextRunAt()).isNotNull();
						assertThat(info.paused()).isFalse();
					});
			});
	}

	@Test
	void failsToStartWithAnInvalidCron() {
		this.contextRunner.withUserConfiguration(InvalidCronConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'broken'")
				.hasMessageContaining("0 0 * *"));
	}

	@Test
	void failsToStartWithAnUnknownZone() {
		this.contextRunner.withUserConfiguration(UnknownZoneConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'lost'")
				.hasMessageContaining("Mars/Olympus"));
	}

	@Test
	void failsToStartWithBothACronAndAnInterval() {
		this.contextRunner.withUserConfiguration(BothConfiguration.class)
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("'both'"));
	}

	@Test
	void failsToStartWithUnbindableParameters() {
		this.contextRunner.withUserConfiguration(UnbindableConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'twice'")
				.hasMessageContaining("2 payload parameters"));
	}

	@Test
	void failsToStartWhenConfigurationNamesAnUnknownHandler() {
		this.contextRunner
			.withPropertyValues("jobs.recurring.orphan.handler=nobody", "jobs.recurring.orphan.interval=1h")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("jobs.recurring.orphan.handler")
				.hasMessageContaining("nobody"));
	}

	@Test
	void failsToStartWhenConfigurationHasAnInvalidCron() {
		this.contextRunner.withUserConfiguration(ValidConfiguration.class)
			.withPropertyValues("jobs.recurring.digest.cron=61 * * * *")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("jobs.recurring.digest.cron")
				.hasMessageContaining("61 * * * *"));
	}

	@Configuration(proxyBeanMethods = false)
	static class ValidConfiguration {

		@Bean
		Object digest() {
			return new Object() {

				@RecurringJob(value = "digest", cron = "0 0 8 * * *")
				void digest(JobContext context) {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InvalidCronConfiguration {

		@Bean
		Object broken() {
			return new Object() {

				@RecurringJob(value = "broken", cron = "0 0 * *")
				void broken() {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnknownZoneConfiguration {

		@Bean
		Object lost() {
			return new Object() {

				@RecurringJob(value = "lost", cron = "@daily", zone = "Mars/Olympus")
				void lost() {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BothConfiguration {

		@Bean
		Object both() {
			return new Object() {

				@RecurringJob(value = "both", cron = "@daily", interval = "1h")
				void both() {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnbindableConfiguration {

		@Bean
		Object twice() {
			return new Object() {

				@RecurringJob(value = "twice", interval = "1h")
				void twice(String one, String two) {
				}

			};
		}

	}

}
