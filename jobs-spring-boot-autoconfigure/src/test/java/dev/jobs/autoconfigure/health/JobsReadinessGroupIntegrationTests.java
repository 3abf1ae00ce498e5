package dev.jobs.autoconfigure.health;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code jobs} health contributor joins the readiness group, not the liveness group,
 * of a real application while the availability probes are on (Boot's default), unless the
 * application says otherwise ({@link JobsReadinessEnvironmentPostProcessor}).
 */
class JobsReadinessGroupIntegrationTests {

	@Test
	void jobsContributorIsInTheReadinessGroupAndNotInTheLivenessGroupByDefault() {
		try (ConfigurableApplicationContext context = run()) {
			HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
			assertThat(groups.get("readiness").isMember("jobs")).isTrue();
			assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
			assertThat(groups.get("liveness").isMember("jobs")).isFalse();
		}
	}

	@Test
	void applicationsOwnReadinessGroupIsLeftAsItIs() {
		try (ConfigurableApplicationContext context = run("management.endpoint.health.probes.enabled=true",
				"management.endpoint.health.group.readiness.include=readinessState")) {
			assertThat(context.getBean(HealthEndpointGroups.class).get("readiness").isMember("jobs")).isFalse();
		}
	}

	@Test
	void withoutProbesNoReadinessGroupIsDefined() {
		try (ConfigurableApplicationContext context = run("management.endpoint.health.probes.enabled=false")) {
			assertThat(context.getBean(HealthEndpointGroups.class).get("readiness")).isNull();
		}
	}

	@Test
	void disabledJobsContributorIsNotAddedToTheReadinessGroup() {
		try (ConfigurableApplicationContext context = run("management.endpoint.health.probes.enabled=true",
				"management.health.jobs.enabled=false")) {
			assertThat(context.getBean(HealthEndpointGroups.class).get("readiness").isMember("jobs")).isFalse();
		}
	}

	private static ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(ProbedApplication.class).web(WebApplicationType.NONE)
			.properties("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "jobs.worker.enabled=false")
			.properties(properties)
			.run();
	}

	@SpringBootApplication
	static class ProbedApplication {

	}

}
