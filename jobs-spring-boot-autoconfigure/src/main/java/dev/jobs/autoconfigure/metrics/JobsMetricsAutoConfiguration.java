package dev.jobs.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.jobs.JobWorker;
import dev.jobs.autoconfigure.JobsAutoConfiguration;
import dev.jobs.engine.CachedJobStats;
import dev.jobs.engine.ClockSkewMonitor;
import dev.jobs.engine.HandlerCoverage;
import dev.jobs.handler.JobHandlerRegistry;
import dev.jobs.metrics.JobsMetrics;
import dev.jobs.metrics.MicrometerJobLifecycleListener;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the Micrometer metrics of
 * background jobs, where the application has a {@link MeterRegistry}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = JobsAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, CachedJobStats.class })
public final class JobsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JobsMetrics jobsMetrics(CachedJobStats stats, ObjectProvider<JobWorker> worker,
			ObjectProvider<HandlerCoverage> coverage, ObjectProvider<ClockSkewMonitor> clockSkew) {
		return new JobsMetrics(stats, worker.getIfAvailable(), coverage.getIfAvailable(), clockSkew.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	MicrometerJobLifecycleListener jobsMicrometerListener(MeterRegistry registry, JobHandlerRegistry handlers) {
		return new MicrometerJobLifecycleListener(registry, handlers);
	}

}
