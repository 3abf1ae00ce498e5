package dev.jobs.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.jobs.autoconfigure.JobsAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the console's auto-configuration applies, which access it picks and what it warns
 * about.
 */
@ExtendWith(OutputCaptureExtension.class)
class JobsWebAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(DataSourceAutoConfiguration.class,
			DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
			JobsAutoConfiguration.class, JobsWebAutoConfiguration.class);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "jobs.worker.enabled=false");

	@Test
	void isOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(ConsoleJobsController.class)
			.doesNotHaveBean(JobsWebProperties.class));
	}

	@Test
	void servesTheApiWhenEnabled() {
		this.contextRunner.withPropertyValues("jobs.web.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ConsoleJobsController.class)
				.hasSingleBean(ConsoleRecurringController.class)
				.hasSingleBean(ConsoleOverviewController.class)
				.hasSingleBean(ConsoleEventsController.class)
				.hasSingleBean(ConsoleHealthController.class)
				.hasSingleBean(ConsoleExceptionHandler.class)
				.hasSingleBean(JobsWebProblemHandler.class)
				.getBean(ConsoleAccess.class)
				.isInstanceOf(SecurityConsoleAccess.class));
	}

	@Test
	void backsOffOutsideAServletWebApplication() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "jobs.worker.enabled=false",
					"jobs.web.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ConsoleJobsController.class));
	}

	@Test
	void backsOffWithoutTheJobsBean() {
		this.contextRunner.withPropertyValues("jobs.web.enabled=true", "jobs.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ConsoleJobsController.class));
	}

	@Test
	void withoutSpringSecurityEveryoneIsAnonymousAndUnrestrictedWritesAreWarnedAbout(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("jobs.web.enabled=true", "jobs.web.access=unrestricted")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(JobsWebProblemHandler.class);
				assertThat(context.getBean(ConsoleAccess.class)).isInstanceOf(PlainConsoleAccess.class);
				assertThat(output).contains("without Spring Security: anyone who reaches the port may change jobs");
			});
	}

	@Test
	void unrestrictedWritesWithSecurityJarsButNoFilterChainAreWarnedAbout(CapturedOutput output) {
		this.contextRunner.withPropertyValues("jobs.web.enabled=true", "jobs.web.access=unrestricted")
			.run((context) -> assertThat(output).contains("anyone who reaches the port may change jobs"));
	}

	@Test
	void readOnlyIsNotWarnedAbout(CapturedOutput output) {
		this.contextRunner.withPropertyValues("jobs.web.enabled=true")
			.run((context) -> assertThat(output).doesNotContain("anyone who reaches the port"));
	}

	@Test
	void startsWithoutHealthSupportAndWithoutItsRoute() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.withPropertyValues("jobs.web.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ConsoleJobsController.class)
				.doesNotHaveBean(ConsoleHealthController.class));
	}

	@Test
	void refusesAPathThatIsNotOne() {
		this.contextRunner.withPropertyValues("jobs.web.enabled=true", "jobs.web.path=jobs/")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("must start with '/'"));
	}

	@Test
	void defaultsAreTheContracts() {
		JobsWebProperties properties = new JobsWebProperties();
		assertThat(properties.isEnabled()).isFalse();
		assertThat(properties.getPath()).isEqualTo("/jobs");
		assertThat(properties.getAccess()).isEqualTo(JobsWebProperties.Access.READ_ONLY);
		assertThat(properties.getShowValues()).isEqualTo(JobsWebProperties.ShowValues.WHEN_AUTHORIZED);
		assertThat(properties.getReadAuthority()).isNull();
		assertThat(properties.getWriteAuthority()).isNull();
	}

}
