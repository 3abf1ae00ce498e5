package dev.jobs.autoconfigure;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.jobs.actuate.endpoint.JobsEndpoint;
import dev.jobs.actuate.endpoint.JobsEndpoint.JobsDescriptor;
import dev.jobs.actuate.endpoint.JobsEndpointWebExtension;
import dev.jobs.autoconfigure.endpoint.JobsEndpointAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JobsEndpointAutoConfiguration}.
 */
class JobsEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
				JobsAutoConfiguration.class, EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				JobsEndpointAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
				"jobs.worker.shutdown-timeout=1s");

	@Test
	void endpointIsCreatedWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=jobs").run((context) -> {
			assertThat(context).hasSingleBean(JobsEndpoint.class).hasSingleBean(JobsEndpointWebExtension.class);
			JobsDescriptor overview = context.getBean(JobsEndpoint.class).jobs();
			assertThat(overview.worker()).isNotNull();
			assertThat(overview.nodes()).extracting(JobsEndpoint.NodeDescriptor::name)
				.contains(overview.worker().node());
			assertThat(overview.unhandled()).isEmpty();
		});
	}

	@Test
	void endpointIsNotCreatedWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(JobsEndpoint.class)
			.doesNotHaveBean(JobsEndpointWebExtension.class));
	}

	@Test
	void endpointWithoutWorkerHasNoWorkerDescriptor() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=jobs", "jobs.worker.enabled=false")
			.run((context) -> assertThat(context.getBean(JobsEndpoint.class).jobs().worker()).isNull());
	}

	@Test
	void backsOffWithoutActuator() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
					JobsAutoConfiguration.class, JobsEndpointAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
					"jobs.worker.shutdown-timeout=1s", "management.endpoints.web.exposure.include=jobs")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(JobsEndpoint.class));
	}

	@Test
	void backsOffWhenJobsAreDisabled() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=jobs", "jobs.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(JobsEndpoint.class));
	}

}
