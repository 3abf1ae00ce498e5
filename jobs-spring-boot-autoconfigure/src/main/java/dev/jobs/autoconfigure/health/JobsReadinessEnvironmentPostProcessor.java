package dev.jobs.autoconfigure.health;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts the {@code jobs} health contributor in the readiness group, beside
 * {@code readinessState}, while Boot's availability probes groups are on
 * ({@code management.endpoint.health.probes.enabled}, true by default): a node whose jobs
 * cannot reach their database should get no traffic, but it should not be restarted for
 * it, so the contributor stays out of the liveness group. It is a default, added last: an
 * application that sets {@code management.endpoint.health.group.readiness.include} itself
 * keeps its own, and nothing is added when {@code management.health.jobs.enabled=false}.
 */
public class JobsReadinessEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String READINESS_INCLUDE = "management.endpoint.health.group.readiness.include";

	private static final String PROPERTY_SOURCE = "jobsReadinessGroup";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!probesEnabled(environment) || environment.containsProperty(READINESS_INCLUDE)
				|| !environment.getProperty("management.health.jobs.enabled", Boolean.class, true)
				|| !environment.getProperty("management.health.defaults.enabled", Boolean.class, true)) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource(PROPERTY_SOURCE, Map.of(READINESS_INCLUDE, "readinessState,jobs")));
	}

	private static boolean probesEnabled(ConfigurableEnvironment environment) {
		return environment.getProperty("management.endpoint.health.probes.enabled", Boolean.class, true);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
