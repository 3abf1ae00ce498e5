package dev.jobs.autoconfigure.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.jobs.autoconfigure.JobsAutoConfiguration;
import dev.jobs.health.JobsHealthEvaluator;
import dev.jobs.health.JobsHealthIndicator;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the health contributor
 * {@code jobs}, switched off with {@code management.health.jobs.enabled=false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = JobsAutoConfiguration.class)
@ConditionalOnClass({ ConditionalOnEnabledHealthIndicator.class, AbstractHealthIndicator.class })
@ConditionalOnBean(JobsHealthEvaluator.class)
public final class JobsHealthContributorAutoConfiguration {

	// on the method, not the class: its condition class is only looked up once the
	// class-level @ConditionalOnClass has passed
	@Bean
	@ConditionalOnEnabledHealthIndicator("jobs")
	@ConditionalOnMissingBean(name = { "jobsHealthIndicator", "jobsHealthContributor" })
	JobsHealthIndicator jobsHealthIndicator(JobsHealthEvaluator evaluator) {
		return new JobsHealthIndicator(evaluator);
	}

}
