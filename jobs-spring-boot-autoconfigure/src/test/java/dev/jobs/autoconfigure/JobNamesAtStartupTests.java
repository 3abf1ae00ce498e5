package dev.jobs.autoconfigure;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

import dev.jobs.JobHandler;
import dev.jobs.RecurringJob;
import dev.jobs.handler.JobHandlerDefinitionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names from annotations and from {@code jobs.*} configuration follow
 * {@link dev.jobs.JobNames}' rules, or the application does not start.
 */
class JobNamesAtStartupTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
				JobsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
				"jobs.worker.shutdown-timeout=1s");

	@Test
	void handlerNameWithTrailingSpaceFailsStartUp() {
		this.contextRunner.withUserConfiguration(TrailingSpaceHandlerConfiguration.class)
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(JobHandlerDefinitionException.class)
				.hasMessageContaining("@JobHandler on bean 'trailingSpaceHandler'")
				.hasMessageContaining("Job name must not start or end with white space: 'send-email '"));
	}

	@Test
	void handlerQueueWithControlCharacterFailsStartUp() {
		this.contextRunner.withUserConfiguration(ControlCharacterQueueConfiguration.class)
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(JobHandlerDefinitionException.class)
				.hasMessageContaining("Queue name must not contain control characters, has U+0009"));
	}

	@Test
	void recurringNameTooLongFailsStartUp() {
		this.contextRunner.withUserConfiguration(LongRecurringNameConfiguration.class)
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(JobHandlerDefinitionException.class)
				.hasMessageContaining("Recurring job name must be at most 150 characters")
				.hasMessageContaining("was 151"));
	}

	@Test
	void configuredHandlerNameWithTrailingSpaceFailsStartUp() {
		this.contextRunner.withPropertyValues("jobs.handlers[send-email ].max-attempts=2")
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("jobs.handlers.send-email ")
				.hasMessageContaining("Job name must not start or end with white space"));
	}

	@Test
	void configuredQueueNameWithLeadingSpaceFailsStartUp() {
		this.contextRunner.withPropertyValues("jobs.queues[ mail].paused=true")
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("Queue name must not start or end with white space"));
	}

	@Test
	void configuredRecurringJobWithBadNamesFailsStartUp() {
		this.contextRunner.withUserConfiguration(PlainHandlerConfiguration.class)
			.withPropertyValues("jobs.recurring[nightly ].handler=plain", "jobs.recurring[nightly ].cron=@daily")
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("Recurring job name must not start or end with white space"));
		this.contextRunner.withUserConfiguration(PlainHandlerConfiguration.class)
			.withPropertyValues("jobs.recurring.nightly.handler=pl\u0000ain", "jobs.recurring.nightly.cron=@daily")
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("jobs.recurring.nightly.handler")
				.hasMessageContaining("Job name must not contain control characters, has U+0000"));
	}

	@Configuration(proxyBeanMethods = false)
	static class TrailingSpaceHandlerConfiguration {

		@Bean
		TrailingSpaceHandler trailingSpaceHandler() {
			return new TrailingSpaceHandler();
		}

	}

	static class TrailingSpaceHandler {

		@JobHandler("send-email ")
		void send() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ControlCharacterQueueConfiguration {

		@Bean
		ControlCharacterQueueHandler controlCharacterQueueHandler() {
			return new ControlCharacterQueueHandler();
		}

	}

	static class ControlCharacterQueueHandler {

		@JobHandler(value = "send-email", queue = "mail\t")
		void send() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LongRecurringNameConfiguration {

		@Bean
		LongRecurringName longRecurringName() {
			return new LongRecurringName();
		}

	}

	static class LongRecurringName {

		@RecurringJob(
				value = "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr",
				interval = "1h")
		void run() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlainHandlerConfiguration {

		@Bean
		PlainHandler plainHandler() {
			return new PlainHandler();
		}

	}

	static class PlainHandler {

		@JobHandler("plain")
		void run() {
		}

	}

}
