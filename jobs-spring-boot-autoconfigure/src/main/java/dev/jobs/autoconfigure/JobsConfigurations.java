package dev.jobs.autoconfigure;

import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.io.ResourceLoader;
import org.springframework.transaction.jta.JtaTransactionManager;

import dev.jobs.JobWorker;
import dev.jobs.Jobs;
import dev.jobs.Priority;
import dev.jobs.engine.ApplicationEventJobLifecycleListener;
import dev.jobs.engine.AsyncEventPublisher;
import dev.jobs.engine.ClockSkewMonitor;
import dev.jobs.engine.DefaultJobs;
import dev.jobs.engine.HandlerCoverage;
import dev.jobs.engine.HistoryCleanup;
import dev.jobs.engine.HistoryRetention;
import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.engine.JobSettingsResolver;
import dev.jobs.engine.NewJobFactory;
import dev.jobs.handler.HandlerMethodFactory;
import dev.jobs.handler.HandlerSettings;
import dev.jobs.handler.JobHandlerMethodProcessor;
import dev.jobs.handler.JobHandlerRegistry;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.recurring.DeclaredRecurringJobs;
import dev.jobs.recurring.RecurringDeclaration;
import dev.jobs.recurring.RecurringJobMethodProcessor;
import dev.jobs.recurring.RecurringSettings;
import dev.jobs.store.JobStore;
import dev.jobs.store.NodeRegistry;
import dev.jobs.store.StoreRetryListener;
import dev.jobs.store.jdbc.CallerTransactions;
import dev.jobs.store.jdbc.JdbcJobStores;
import dev.jobs.store.jdbc.JdbcNodeRegistry;
import dev.jobs.store.jdbc.JobsSchemaMigrator;
import dev.jobs.store.jdbc.SchemaVendor;
import dev.jobs.store.jdbc.TablePrefix;
import dev.jobs.worker.PollingJobWorker;

/**
 * The configurations that {@link JobsAutoConfiguration} imports.
 */
final class JobsConfigurations {

	private JobsConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	static class StoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		JobsStoreSettings jobsStoreSettings(DataSource dataSource, JobsProperties properties) {
			return new JobsStoreSettings(SchemaVendor.of(dataSource), JobsPropertiesMapper.tablePrefix(properties));
		}

		@Bean
		InMemoryDatabaseWarning jobsInMemoryDatabaseWarning(DataSource dataSource) {
			return new InMemoryDatabaseWarning(dataSource);
		}

		@Bean
		@ConditionalOnMissingBean
		@DependsOnDatabaseInitialization
		JobsSchemaMigrator jobsSchemaMigrator(DataSource dataSource, JobsStoreSettings storeSettings,
				JobsProperties properties) {
			return new JobsSchemaMigrator(dataSource, storeSettings.vendor(), storeSettings.tablePrefix(),
					JobsSchemaMigrator.Mode.valueOf(properties.getSchema().getMode().name()));
		}

		@Bean
		@ConditionalOnMissingBean
		JobPayloadMapper jobsPayloadMapper(ObjectProvider<JsonMapper> jsonMapper, JobsProperties properties) {
			return new JobPayloadMapper(jsonMapper.getIfAvailable(JsonMapper::new),
					JobsPropertiesMapper.payloadMaxSize(properties));
		}

		@Bean
		@ConditionalOnMissingBean
		JobStore jobStore(DataSource dataSource, JobsStoreSettings storeSettings, JobsSchemaMigrator migrator,
				JobPayloadMapper payloadMapper, JobsProperties properties, ListableBeanFactory beanFactory,
				ObjectProvider<JobLifecycleListener> listeners) {
			boolean jta = beanFactory.getBeanNamesForType(JtaTransactionManager.class, true, false).length > 0;
			CallerTransactions callerTransactions = jta ? CallerTransactions.jta(dataSource)
					: CallerTransactions.of(dataSource);
			// the listeners are looked up when a retry happens: some need the store
			StoreRetryListener retries = (reason) -> JobLifecycleListener.all(listeners.orderedStream().toList())
				.storeRetried(reason);
			return JdbcJobStores.create(dataSource, callerTransactions, storeSettings.vendor().dialect(),
					storeSettings.tablePrefix(), payloadMapper, properties.getNotifications().isEnabled(), retries);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HandlerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static JobHandlerRegistry jobHandlerRegistry() {
			return new JobHandlerRegistry();
		}

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static JobHandlerMethodProcessor jobHandlerMethodProcessor(ObjectProvider<JobHandlerRegistry> registry) {
			return new JobHandlerMethodProcessor(registry.getObject());
		}

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static DeclaredRecurringJobs jobsDeclaredRecurringJobs() {
			return new DeclaredRecurringJobs();
		}

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static RecurringJobMethodProcessor jobsRecurringJobMethodProcessor(ObjectProvider<JobHandlerRegistry> registry,
				ObjectProvider<DeclaredRecurringJobs> declared, ObjectProvider<RecurringSettings> settings) {
			return new RecurringJobMethodProcessor(registry.getObject(), declared.getObject(), settings::getObject);
		}

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static ConfigurationPropertiesBindHandlerAdvisor jobsMovedRecurringSettingsCheck() {
			return ConfiguredRecurringJobs.movedSettingsCheck();
		}

		@Bean
		@ConditionalOnMissingBean
		RecurringSettings jobsRecurringSettings(JobsProperties properties) {
			return ConfiguredRecurringJobs.settings(properties);
		}

		@Bean
		@ConditionalOnMissingBean
		JobSettingsResolver jobSettingsResolver(JobHandlerRegistry registry, JobsProperties properties,
				ResourceLoader resourceLoader) {
			return new JobSettingsResolver(registry, JobsPropertiesMapper.defaults(properties),
					JobsPropertiesMapper.handlerOverrides(properties, resourceLoader.getClassLoader()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JobsConfiguration {

		/**
		 * How often a warning about jobs enqueued under a name that no live node handles
		 * may repeat for that name.
		 */
		static final Duration HANDLER_WARNING_INTERVAL = Duration.ofMinutes(5);

		@Bean
		@ConditionalOnMissingBean
		AsyncEventPublisher jobsEventPublisher(ApplicationEventPublisher publisher) {
			return new AsyncEventPublisher(publisher);
		}

		@Bean
		ApplicationEventJobLifecycleListener jobsApplicationEventListener(AsyncEventPublisher publisher) {
			return new ApplicationEventJobLifecycleListener(publisher);
		}

		@Bean
		@ConditionalOnMissingBean
		NewJobFactory jobsNewJobFactory(JobSettingsResolver settings, JobPayloadMapper payloadMapper,
				JobHandlerRegistry handlers, JobsProperties properties) {
			return new NewJobFactory(settings, payloadMapper, handlers, properties.isStrictNames());
		}

		@Bean
		@ConditionalOnMissingBean(Jobs.class)
		DefaultJobs jobs(JobStore store, NewJobFactory factory, JobPayloadMapper payloadMapper,
				ObjectProvider<JobLifecycleListener> listeners, ObjectProvider<PollingJobWorker> worker,
				RecurringSettings recurringSettings, JobsProperties properties) {
			return DefaultJobs.builder(store, factory)
				.listeners(listeners.orderedStream().toList())
				.workerSignals(LocalWorkerSignals.of(worker, properties.getWorker().isEnabled()))
				.recurringSettings(recurringSettings)
				.payloadMapper(payloadMapper)
				.build();
		}

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		ClockSkewMonitor jobsClockSkewMonitor(JobStore store, JobsProperties properties, ObjectProvider<Clock> clock) {
			return new ClockSkewMonitor(store.nodes(), clock.getIfUnique(Clock::systemUTC),
					JobsPropertiesMapper.workerSettings(properties).heartbeatInterval());
		}

		@Bean
		@ConditionalOnMissingBean
		HandlerCoverage jobsHandlerCoverage(JobStore store, JobsProperties properties) {
			JobsProperties.Worker worker = properties.getWorker();
			return new HandlerCoverage(store.nodes(), worker.getStaleAfter(), worker.getHeartbeatInterval(),
					HANDLER_WARNING_INTERVAL);
		}

		@Bean
		@ConditionalOnMissingBean
		HistoryCleanup jobsHistoryCleanup(JobStore store, JobsProperties properties, JobHandlerRegistry handlers) {
			HistoryRetention retention = JobsPropertiesMapper.historyRetention(properties);
			HistoryCleanup cleanup = new HistoryCleanup(store.history(), retention);
			handlers.register(HandlerMethodFactory.create(HistoryCleanup.NAME, "jobsHistoryCleanup", cleanup,
					HistoryCleanup.handlerMethod(), new HandlerSettings(null, Priority.LOW, 1,
							retention.cleanupInterval(), null, null, null, null, List.of())));
			return cleanup;
		}

		@Bean
		static SmartInitializingSingleton jobsRecurringJobSynchronizer(ObjectProvider<DefaultJobs> jobs,
				ObjectProvider<DeclaredRecurringJobs> declared, ObjectProvider<JobHandlerRegistry> handlers,
				ObjectProvider<RecurringSettings> settings, ObjectProvider<HistoryCleanup> historyCleanup,
				ObjectProvider<JobsProperties> properties) {
			// runs once every singleton, so every @RecurringJob method, is known, and
			// before the worker starts
			return () -> jobs.ifAvailable((defaultJobs) -> {
				List<RecurringDeclaration> all = new ArrayList<>();
				historyCleanup.ifAvailable((cleanup) -> all.add(cleanup.declaration(settings.getObject().zone())));
				all.addAll(declared.getObject().all());
				defaultJobs.recurring()
					.synchronize(ConfiguredRecurringJobs.merge(all, properties.getObject().getRecurring(),
							handlers.getObject(), settings.getObject()));
			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "jobs.worker.enabled", matchIfMissing = true)
	static class WorkerConfiguration {

		@Bean(destroyMethod = "close")
		JobsHeartbeatConnection jobsHeartbeatConnection(DataSource dataSource) {
			return new JobsHeartbeatConnection(dataSource);
		}

		@Bean
		@ConditionalOnMissingBean(JobWorker.class)
		PollingJobWorker jobWorker(JobsProperties properties, JobStore store, DataSource dataSource,
				JobsHeartbeatConnection jobsHeartbeatConnection, JobHandlerRegistry handlers,
				JobSettingsResolver settings, JobPayloadMapper payloadMapper,
				ObjectProvider<JobLifecycleListener> listeners, AsyncEventPublisher publisher, NewJobFactory factory,
				RecurringSettings recurringSettings) {
			return PollingJobWorker.builder(store, handlers)
				.settings(JobsPropertiesMapper.workerSettings(properties))
				.heartbeatRegistry(heartbeatRegistry(store, dataSource, jobsHeartbeatConnection))
				.settingsResolver(settings)
				.payloadMapper(payloadMapper)
				.listeners(listeners.orderedStream().toList())
				.eventPublisher(publisher::publish)
				.autoStartup(properties.getWorker().isAutoStart())
				.recurring(factory, recurringSettings)
				.maxLogLines(JobsPropertiesMapper.maxLogLines(properties))
				.build();
		}

	}

	/**
	 * The registry that the node's heartbeats and rescues go through: the store's own,
	 * unless it is the JDBC registry on the application's data source, whose heartbeats
	 * then take the connection kept apart from the pool. So a store bean of the
	 * application's also carries the heartbeats and the rescue.
	 */
	static NodeRegistry heartbeatRegistry(JobStore store, DataSource dataSource,
			JobsHeartbeatConnection heartbeatConnection) {
		if (store.nodes() instanceof JdbcNodeRegistry jdbc && jdbc.worksOn(dataSource)) {
			return jdbc.on(heartbeatConnection.dataSource());
		}
		return store.nodes();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "jobs.worker.enabled", matchIfMissing = true)
	static class NotificationConfiguration {

		@Bean
		@ConditionalOnBooleanProperty(name = "jobs.notifications.enabled", matchIfMissing = true)
		JobsEnqueueListener jobsEnqueueListener(DataSource dataSource, JobsStoreSettings storeSettings,
				ObjectProvider<PollingJobWorker> worker) {
			return new JobsEnqueueListener(dataSource, storeSettings.vendor(), storeSettings.tablePrefix(),
					worker.getIfAvailable());
		}

	}

	/**
	 * The store's vendor and table names.
	 *
	 * @param vendor the database vendor
	 * @param tablePrefix the table names
	 */
	record JobsStoreSettings(SchemaVendor vendor, TablePrefix tablePrefix) {

	}

}
