package dev.jobs.autoconfigure;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.jobs.JobWorker;
import dev.jobs.engine.AsyncEventPublisher;
import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.engine.JobSettingsResolver;
import dev.jobs.engine.NewJobFactory;
import dev.jobs.handler.JobHandlerRegistry;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.recurring.RecurringSettings;
import dev.jobs.store.JobStore;
import dev.jobs.worker.PollingJobWorker;

/**
 * This node's worker, unless {@code jobs.worker.enabled} is {@code false}: the worker,
 * the connection and registry of its heartbeats, and the listener of other nodes'
 * enqueues.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "jobs.worker.enabled", matchIfMissing = true)
class JobsWorkerConfiguration {

	@Bean(destroyMethod = "close")
	JobsHeartbeatConnection jobsHeartbeatConnection(DataSource dataSource) {
		return new JobsHeartbeatConnection(dataSource);
	}

	/**
	 * The heartbeats of a job store bean of the application's, which go through its own
	 * registry. The starter's JDBC store has its own
	 * ({@link JobsStoreConfiguration.JdbcJobStoreConfiguration}).
	 * @param store the application's job store
	 * @return the registry of the heartbeats
	 */
	@Bean
	@ConditionalOnMissingBean
	JobsHeartbeatRegistry jobsHeartbeatRegistry(JobStore store) {
		return new JobsHeartbeatRegistry(store.nodes());
	}

	@Bean
	@ConditionalOnMissingBean(JobWorker.class)
	PollingJobWorker jobWorker(JobsProperties properties, JobStore store, JobsHeartbeatRegistry heartbeatRegistry,
			JobHandlerRegistry handlers, JobSettingsResolver settings, JobPayloadMapper payloadMapper,
			ObjectProvider<JobLifecycleListener> listeners, AsyncEventPublisher publisher, NewJobFactory factory,
			RecurringSettings recurringSettings) {
		return PollingJobWorker.builder(store, handlers)
			.settings(JobsPropertiesMapper.workerSettings(properties))
			.heartbeatRegistry(heartbeatRegistry.registry())
			.settingsResolver(settings)
			.payloadMapper(payloadMapper)
			.listeners(listeners.orderedStream().toList())
			.eventPublisher(publisher::publish)
			.autoStartup(properties.getWorker().isAutoStart())
			.recurring(factory, recurringSettings)
			.maxLogLines(JobsPropertiesMapper.maxLogLines(properties))
			.build();
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "jobs.notifications.enabled", matchIfMissing = true)
	JobsEnqueueListener jobsEnqueueListener(DataSource dataSource, JobsStoreSettings storeSettings,
			ObjectProvider<PollingJobWorker> worker) {
		return new JobsEnqueueListener(dataSource, storeSettings.vendor(), storeSettings.tablePrefix(),
				worker.getIfAvailable());
	}

}
