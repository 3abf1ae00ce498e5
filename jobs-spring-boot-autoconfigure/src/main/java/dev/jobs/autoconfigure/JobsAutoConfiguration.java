package dev.jobs.autoconfigure;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

import dev.jobs.JobHandler;
import dev.jobs.JobWorker;
import dev.jobs.engine.PeriodicChecks;

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
		JobsConfigurations.JobsConfiguration.class, JobsConfigurations.WorkerConfiguration.class,
		JobsConfigurations.NotificationConfiguration.class, JobsMonitoringConfiguration.class })
public final class JobsAutoConfiguration {

	/**
	 * Keep the worker and the beans with {@link JobHandler @JobHandler} methods eager
	 * under lazy initialization: a lazy worker would never start, and a lazy handler bean
	 * would never be seen by the processor that registers its handlers, so its jobs would
	 * stay pending.
	 * @return the filter
	 */
	@Bean
	static LazyInitializationExcludeFilter eagerJobWorkerAndHandlers() {
		LazyInitializationExcludeFilter worker = LazyInitializationExcludeFilter.forBeanTypes(JobWorker.class,
				PeriodicChecks.class, JobsEnqueueListener.class);
		return (beanName, beanDefinition, beanType) -> worker.isExcluded(beanName, beanDefinition, beanType)
				|| hasJobHandlerMethods(beanType);
	}

	private static boolean hasJobHandlerMethods(@Nullable Class<?> beanType) {
		if (beanType == null || !AnnotationUtils.isCandidateClass(beanType, JobHandler.class)) {
			return false;
		}
		return !MethodIntrospector
			.selectMethods(beanType,
					(MethodIntrospector.MetadataLookup<JobHandler>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, JobHandler.class))
			.isEmpty();
	}

}
