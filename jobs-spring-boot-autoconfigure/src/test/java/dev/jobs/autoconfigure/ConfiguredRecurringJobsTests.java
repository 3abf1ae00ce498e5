package dev.jobs.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConfiguredRecurringJobs}.
 */
class ConfiguredRecurringJobsTests {

	@Test
	void bindsRecurringJobsBesideTheRecurringSettings() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test",
					Map.of("jobs.recurring.zone", "UTC", "jobs.recurring.max-catch-up", "4",
							"jobs.recurring.report.interval", "400ms", "jobs.recurring.purge.handler", "noop",
							"jobs.recurring.purge.cron", "@daily", "jobs.recurring.purge.enabled", "false")));
		Map<String, RecurringJobProperties> bound = ConfiguredRecurringJobs.bind(environment);
		assertThat(bound).containsOnlyKeys("report", "purge");
		assertThat(bound.get("report").getInterval()).isEqualTo("400ms");
		assertThat(bound.get("purge").getEnabled()).isFalse();
	}

}
