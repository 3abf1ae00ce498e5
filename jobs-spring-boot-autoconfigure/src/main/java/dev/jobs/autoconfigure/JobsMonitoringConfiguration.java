package dev.jobs.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.jobs.JobWorker;
import dev.jobs.JobsOperations;
import dev.jobs.engine.AsyncEventPublisher;
import dev.jobs.engine.CachedJobStats;
import dev.jobs.engine.DefaultJobsOperations;
import dev.jobs.engine.HandlerCoverage;
import dev.jobs.engine.PeriodicChecks;
import dev.jobs.engine.ProblemSource;
import dev.jobs.engine.QueueBacklogWatcher;
import dev.jobs.health.AttemptFailureRate;
import dev.jobs.health.JobsHealthChangePublisher;
import dev.jobs.health.JobsHealthEvaluator;
import dev.jobs.store.JobStore;
import dev.jobs.worker.PollingJobWorker;
import dev.jobs.worker.WorkerStatus;

/**
 * What watches the jobs without Actuator or Micrometer: the cached counts shared by
 * gauges, health and backlog checks, the health evaluation, and the periodic checks that
 * publish {@code JobsHealthChangedEvent} and, on a node with a worker,
 * {@code QueueBacklogEvent}. The counts are cached, and the checks run, every ten poll
 * intervals, kept between 1 and 5 seconds.
 */
@Configuration(proxyBeanMethods = false)
class JobsMonitoringConfiguration {

	static Duration checkInterval(JobsProperties properties) {
		Duration interval = properties.getWorker().getPollInterval().multipliedBy(10);
		if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
			return Duration.ofSeconds(1);
		}
		return (interval.compareTo(Duration.ofSeconds(5)) > 0) ? Duration.ofSeconds(5) : interval;
	}

	@Bean
	@ConditionalOnMissingBean
	CachedJobStats jobsCachedStats(JobStore store, JobsProperties properties) {
		return new CachedJobStats(store.queries()::stats, checkInterval(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	AttemptFailureRate jobsAttemptFailureRate(JobsProperties properties) {
		return new AttemptFailureRate(JobsPropertiesMapper.failureRateWindow(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	JobsHealthEvaluator jobsHealthEvaluator(CachedJobStats stats, JobStore store, ObjectProvider<WorkerStatus> worker,
			AttemptFailureRate failureRate, ObjectProvider<HandlerCoverage> coverage, JobsProperties properties) {
		JobsProperties.Health health = properties.getHealth();
		return new JobsHealthEvaluator(stats, store.queries(), worker.getIfAvailable(), failureRate,
				health.getMissedPolls(), health.getMaxStuckThreads(), coverage.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean(JobsOperations.class)
	DefaultJobsOperations jobsOperations(JobStore store, ObjectProvider<PollingJobWorker> worker,
			ObjectProvider<WorkerStatus> workerStatus, CachedJobStats stats, AttemptFailureRate failureRate,
			ObjectProvider<HandlerCoverage> coverage, JobsProperties properties) {
		List<ProblemSource> problems = JobsProblemSources.of(store.nodes(),
				JobsPropertiesMapper.workerSettings(properties).heartbeatInterval(), stats,
				JobsPropertiesMapper.backlogThresholds(properties), failureRate,
				properties.getHealth().getFailureRateThreshold(), coverage.getIfAvailable(),
				workerStatus.getIfAvailable());
		return new DefaultJobsOperations(store.nodes(), store.queues(),
				LocalWorkerSignals.of(worker, properties.getWorker().isEnabled()), problems);
	}

	@Bean
	PeriodicChecks jobsPeriodicChecks(JobsHealthEvaluator evaluator, CachedJobStats stats,
			ObjectProvider<JobWorker> worker, AsyncEventPublisher publisher, JobsProperties properties) {
		List<Runnable> checks = new ArrayList<>();
		checks.add(new JobsHealthChangePublisher(evaluator, publisher::publish));
		Map<String, Integer> thresholds = JobsPropertiesMapper.backlogThresholds(properties);
		if (worker.getIfAvailable() != null && !thresholds.isEmpty()) {
			checks.add(new QueueBacklogWatcher(thresholds, stats, publisher::publish));
		}
		return new PeriodicChecks(checks, checkInterval(properties));
	}

}
