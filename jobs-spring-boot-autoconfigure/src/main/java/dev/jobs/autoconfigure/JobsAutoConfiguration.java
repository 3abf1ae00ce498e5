package dev.jobs.autoconfigure;

import javax.sql.DataSource;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.jobs.JobWorker;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for background jobs: the schema, the
 * store, the handlers, the {@link dev.jobs.Jobs} bean and this node's worker, all in the
 * application's {@link DataSource}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "jobs.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(JobsProperties.class)
@Import({ JobsConfigurations.StoreConfiguration.class, JobsConfigurations.HandlerConfiguration.class,
		JobsConfigurations.JobsConfiguration.class, JobsConfigurations.WorkerConfiguration.class })
public final class JobsAutoConfiguration {

	@Bean
	static LazyInitializationExcludeFilter eagerJobWorker() {
		return LazyInitializationExcludeFilter.forBeanTypes(JobWorker.class);
	}

}
