package dev.jobs.autoconfigure;

import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

import dev.jobs.CronDialect;
import dev.jobs.JobHandler;
import dev.jobs.Jobs;
import dev.jobs.RecurringJobInfo;
import dev.jobs.recurring.RecurringSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link ConfiguredRecurringJobs}: {@code jobs.defaults.recurring.*} and the
 * plain map {@code jobs.recurring.<name>.*}, bound by Boot in an application context on
 * an in-memory H2 database.
 */
class ConfiguredRecurringJobsTests {

	private static final ZoneId UTC = ZoneId.of("UTC");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
				JobsAutoConfiguration.class))
		.withUserConfiguration(NoopHandlerConfiguration.class)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "jobs.worker.enabled=false",
				"jobs.worker.poll-interval=100ms");

	@Test
	void bindsRecurringJobsByNameBesideTheRecurringDefaults() {
		this.contextRunner
			.withPropertyValues("jobs.defaults.recurring.zone=UTC", "jobs.defaults.recurring.cron-dialect=quartz",
					"jobs.defaults.recurring.max-catch-up=4", "jobs.defaults.recurring.max-clock-skew=2s",
					"jobs.recurring.report.handler=noop", "jobs.recurring.report.interval=400ms",
					"jobs.recurring.purge.handler=noop", "jobs.recurring.purge.cron=@daily",
					"jobs.recurring.purge.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(JobsProperties.class).getRecurring()).containsOnlyKeys("report", "purge");
				RecurringSettings settings = context.getBean(RecurringSettings.class);
				assertThat(settings.zone()).isEqualTo(UTC);
				assertThat(settings.cronDialect()).isEqualTo(CronDialect.QUARTZ);
				assertThat(settings.maxCatchUp()).isEqualTo(4);
				assertThat(settings.grace()).isEqualTo(Duration.ofMillis(2100));
				assertThat(context.getBean(Jobs.class).recurringJobs())
					.extracting(RecurringJobInfo::name, RecurringJobInfo::schedule, RecurringJobInfo::zone,
							RecurringJobInfo::paused)
					.contains(tuple("report", "400ms", UTC, false), tuple("purge", "@daily", UTC, true));
			});
	}

	@Test
	void recurringJobMayBeNamedLikeAFormerSetting() {
		this.contextRunner.withPropertyValues("jobs.recurring.zone.handler=noop", "jobs.recurring.zone.interval=1h")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Jobs.class).recurringJobs()).extracting(RecurringJobInfo::name)
					.contains("zone");
			});
	}

	@ParameterizedTest
	@CsvSource({ "jobs.recurring.zone=UTC, jobs.recurring.zone, jobs.defaults.recurring.zone",
			"jobs.recurring.cron-dialect=SPRING, jobs.recurring.cron-dialect, jobs.defaults.recurring.cron-dialect",
			"jobs.recurring.max-catch-up=3, jobs.recurring.max-catch-up, jobs.defaults.recurring.max-catch-up",
			"jobs.recurring.maxClockSkew=2s, jobs.recurring.max-clock-skew, jobs.defaults.recurring.max-clock-skew" })
	void formerKeyOfASettingFailsStartUpNamingTheNewKey(String property, String former, String moved) {
		this.contextRunner.withPropertyValues(property)
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo(former))
				.hasMessageContaining("The setting moved to " + moved + ";"));
	}

	@Test
	void defaultsMapToTheSettings() {
		RecurringSettings settings = ConfiguredRecurringJobs.settings(new JobsProperties());
		assertThat(settings.zone()).isEqualTo(ZoneId.systemDefault());
		assertThat(settings.cronDialect()).isNull();
		assertThat(settings.maxCatchUp()).isEqualTo(10);
		assertThat(settings.grace()).isEqualTo(Duration.ofSeconds(6));
	}

	@Test
	void invalidDefaultsFailNamingTheProperty() {
		JobsProperties properties = new JobsProperties();
		properties.getDefaults().getRecurring().setMaxCatchUp(-1);
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> ConfiguredRecurringJobs.settings(properties))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("jobs.defaults.recurring.max-catch-up"));
		properties.getDefaults().getRecurring().setMaxCatchUp(0);
		properties.getDefaults().getRecurring().setMaxClockSkew(Duration.ofSeconds(-1));
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> ConfiguredRecurringJobs.settings(properties))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("jobs.defaults.recurring.max-clock-skew"));
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
		void run() {
		}

	}

}
