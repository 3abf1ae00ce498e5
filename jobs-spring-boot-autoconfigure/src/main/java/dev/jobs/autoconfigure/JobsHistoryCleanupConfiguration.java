package dev.jobs.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.jobs.Priority;
import dev.jobs.engine.HistoryCleanup;
import dev.jobs.engine.HistoryRetention;
import dev.jobs.handler.HandlerMethodFactory;
import dev.jobs.handler.HandlerSettings;
import dev.jobs.handler.JobHandlerMethod;
import dev.jobs.store.JobStore;

/**
 * The built-in history cleanup, unless the application has a {@link HistoryCleanup} bean
 * of its own: the cleanup, and its handler as a bean that the
 * {@link dev.jobs.handler.JobHandlerMethodProcessor} registers like any other. The
 * recurring job that runs it is declared with the others
 * ({@link JobsRecurringConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingBean(HistoryCleanup.class)
class JobsHistoryCleanupConfiguration {

	@Bean
	HistoryCleanup jobsHistoryCleanup(JobStore store, JobsProperties properties) {
		return new HistoryCleanup(store.history(), JobsPropertiesMapper.historyRetention(properties));
	}

	@Bean
	JobHandlerMethod jobsHistoryCleanupHandler(HistoryCleanup jobsHistoryCleanup, JobsProperties properties) {
		HistoryRetention retention = JobsPropertiesMapper.historyRetention(properties);
		return HandlerMethodFactory.create(HistoryCleanup.NAME, "jobsHistoryCleanup", jobsHistoryCleanup,
				HistoryCleanup.handlerMethod(), new HandlerSettings(null, Priority.LOW, 1, retention.cleanupInterval(),
						null, null, null, null, List.of()));
	}

}
