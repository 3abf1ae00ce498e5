package dev.jobs.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.jobs.Jobs;
import dev.jobs.engine.ApplicationEventJobLifecycleListener;
import dev.jobs.engine.AsyncEventPublisher;
import dev.jobs.engine.ClockSkewMonitor;
import dev.jobs.engine.DefaultJobs;
import dev.jobs.engine.HandlerCoverage;
import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.engine.JobSettingsResolver;
import dev.jobs.engine.NewJobFactory;
import dev.jobs.handler.JobHandlerRegistry;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.recurring.RecurringSettings;
import dev.jobs.store.JobStore;
import dev.jobs.worker.PollingJobWorker;

/**
 * The {@link Jobs} bean and what it shares with the worker: the events, the making of new
 * jobs, and the checks of the clock and of the handlers of the live nodes.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

	/**
	 * How often a warning about jobs enqueued under a name that no live node handles may
	 * repeat for that name.
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
			.localQueues(JobsPropertiesMapper.queueSettings(properties))
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

}
