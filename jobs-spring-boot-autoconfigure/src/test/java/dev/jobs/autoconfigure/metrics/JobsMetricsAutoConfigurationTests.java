package dev.jobs.autoconfigure.metrics;

import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.jobs.Jobs;
import dev.jobs.autoconfigure.JobsAutoConfiguration;
import dev.jobs.metrics.JobsMetrics;
import dev.jobs.metrics.MicrometerJobLifecycleListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JobsMetricsAutoConfiguration}.
 */
class JobsMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
				MetricsAutoConfiguration.class, JobsAutoConfiguration.class, JobsMetricsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "jobs.worker.enabled=false");

	@Test
	void isRegisteredAsAnAutoConfiguration() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
			.contains(JobsMetricsAutoConfiguration.class.getName());
	}

	@Test
	void registersMetersWhenThereIsAMeterRegistry() {
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(JobsMetrics.class).hasSingleBean(MicrometerJobLifecycleListener.class);
			context.getBean(Jobs.class).enqueue("anything", null);
			assertThat(context.getBean(MeterRegistry.class).get(JobsMetrics.ENQUEUED).counter().count()).isOne();
		});
	}

	@Test
	void backsOffWithoutAMeterRegistryBean() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(Jobs.class)
			.doesNotHaveBean(JobsMetrics.class)
			.doesNotHaveBean(MicrometerJobLifecycleListener.class));
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(Jobs.class)
				.doesNotHaveBean(JobsMetrics.class)
				.doesNotHaveBean(MicrometerJobLifecycleListener.class);
			context.getBean(Jobs.class).enqueue("anything", null);
		});
	}

	@Test
	void backsOffWhenJobsDisabled() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("jobs.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(JobsMetrics.class));
	}

}
