package dev.jobs.autoconfigure;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.jta.JtaTransactionManager;

import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.store.JobStore;
import dev.jobs.store.StoreRetryListener;
import dev.jobs.store.jdbc.CallerTransactions;
import dev.jobs.store.jdbc.JdbcJobStores;
import dev.jobs.store.jdbc.JobsSchemaMigrator;
import dev.jobs.store.jdbc.SchemaVendor;

/**
 * The store: the schema, the payload mapper and, unless the application has a job store
 * bean of its own, the JDBC store on the application's {@link DataSource}.
 */
@Configuration(proxyBeanMethods = false)
class JobsStoreConfiguration {

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

	/**
	 * The JDBC store, and the registry its node heartbeats through on the connection kept
	 * apart from the pool.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(JobStore.class)
	static class JdbcJobStoreConfiguration {

		@Bean
		JobStore jobStore(DataSource dataSource, JobsStoreSettings storeSettings, JobsSchemaMigrator migrator,
				JobPayloadMapper payloadMapper, JobsProperties properties, ListableBeanFactory beanFactory,
				ObjectProvider<JobLifecycleListener> listeners) {
			boolean jta = beanFactory.getBeanNamesForType(JtaTransactionManager.class, true, false).length > 0;
			CallerTransactions callerTransactions = jta ? CallerTransactions.jta(dataSource)
					: CallerTransactions.of(dataSource);
			return JdbcJobStores.create(dataSource, callerTransactions, storeSettings.vendor().dialect(),
					storeSettings.tablePrefix(), payloadMapper, properties.getNotifications().isEnabled(),
					retries(listeners));
		}

		@Bean
		@ConditionalOnBooleanProperty(name = "jobs.worker.enabled", matchIfMissing = true)
		JobsHeartbeatRegistry jobsHeartbeatRegistry(JobsHeartbeatConnection heartbeatConnection,
				JobsStoreSettings storeSettings, ObjectProvider<JobLifecycleListener> listeners) {
			return new JobsHeartbeatRegistry(JdbcJobStores.nodes(heartbeatConnection.dataSource(),
					storeSettings.vendor().dialect(), storeSettings.tablePrefix(), retries(listeners)));
		}

		/**
		 * Tells the listeners of retried store work, looked up when a retry happens: some
		 * need the store.
		 * @param listeners the listeners
		 * @return the retry listener
		 */
		private static StoreRetryListener retries(ObjectProvider<JobLifecycleListener> listeners) {
			return (reason) -> JobLifecycleListener.all(listeners.orderedStream().toList()).storeRetried(reason);
		}

	}

}
