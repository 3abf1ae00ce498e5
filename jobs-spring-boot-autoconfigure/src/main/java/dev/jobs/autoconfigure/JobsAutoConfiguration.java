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

import dev.jobs.JobHandler;
import dev.jobs.JobWorker;
import dev.jobs.RecurringJob;
import dev.jobs.engine.PeriodicChecks;
import dev.jobs.handler.JobHandlerMethod;
import dev.jobs.handler.JobMethodScanner;

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
@Import({ JobsStoreConfiguration.class, JobsHandlerConfiguration.class, JobsRecurringConfiguration.class,
		JobsConfiguration.class, JobsHistoryCleanupConfiguration.class, JobsWorkerConfiguration.class,
		JobsMonitoringConfiguration.class })
public final class JobsAutoConfiguration {

	/**
	 * Keep the worker, the handler beans and the beans with
	 * {@link JobHandler @JobHandler} or {@link RecurringJob @RecurringJob} methods eager
	 * under lazy initialization: a lazy worker would never start, and a lazy handler bean
	 * or bean that declares jobs would never be seen by the processors that register
	 * them, so its jobs would stay pending and its recurring jobs would be paused as no
	 * longer declared.
	 * @return the filter
	 */
	@Bean
	static LazyInitializationExcludeFilter eagerJobWorkerAndHandlers() {
		LazyInitializationExcludeFilter worker = LazyInitializationExcludeFilter.forBeanTypes(JobWorker.class,
				JobHandlerMethod.class, PeriodicChecks.class, JobsEnqueueListener.class);
		JobMethodScanner scanner = new JobMethodScanner();
		return (beanName, beanDefinition, beanType) -> worker.isExcluded(beanName, beanDefinition, beanType)
				|| (beanType != null && scanner.declaresJobs(beanType));
	}

}
