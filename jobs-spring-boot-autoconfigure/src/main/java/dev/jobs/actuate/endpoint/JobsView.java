package dev.jobs.actuate.endpoint;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;

import dev.jobs.Job;
import dev.jobs.JobExecution;
import dev.jobs.JobId;
import dev.jobs.JobLogLine;
import dev.jobs.JobStats;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.actuate.endpoint.JobsEndpoint.JobDescriptor;
import dev.jobs.actuate.endpoint.JobsEndpoint.JobsDescriptor;
import dev.jobs.actuate.endpoint.JobsEndpoint.NodeDescriptor;
import dev.jobs.actuate.endpoint.JobsEndpoint.WorkerDescriptor;
import dev.jobs.engine.HandlerCoverage;
import dev.jobs.store.NodeRegistry;
import dev.jobs.worker.WorkerStatus;

/**
 * What the read operations of the {@link JobsEndpoint} show. A job's payload, result,
 * unique key, errors and log lines are shown as {@code ******} unless {@code showValues}
 * allows them, and then pass through the sanitizing functions under the keys
 * {@code payload}, {@code result}, {@code uniqueKey}, {@code error},
 * {@code history.error} and {@code logs.message}.
 */
final class JobsView {

	private final Jobs jobs;

	private final NodeRegistry nodes;

	private final @Nullable WorkerStatus worker;

	private final Show showValues;

	private final Collection<String> roles;

	private final Sanitizer sanitizer;

	private final @Nullable HandlerCoverage coverage;

	JobsView(Jobs jobs, NodeRegistry nodes, @Nullable WorkerStatus worker, Show showValues, Collection<String> roles,
			Iterable<SanitizingFunction> sanitizingFunctions, @Nullable HandlerCoverage coverage) {
		this.jobs = jobs;
		this.nodes = nodes;
		this.worker = worker;
		this.showValues = showValues;
		this.roles = Set.copyOf(roles);
		this.sanitizer = new Sanitizer(sanitizingFunctions);
		this.coverage = coverage;
	}

	/**
	 * The jobs of the cluster at a glance.
	 * @return counts, this node's worker, the nodes and the recurring jobs
	 */
	JobsDescriptor jobs() {
		JobStats stats = this.jobs.stats();
		Map<String, Map<JobStatus, Long>> queues = new LinkedHashMap<>();
		stats.queues().forEach((queue) -> queues.put(queue, stats.queue(queue).counts()));
		return new JobsDescriptor(stats.counts(), queues, workerDescriptor(),
				this.nodes.nodes().stream().map(NodeDescriptor::new).toList(), this.jobs.recurringJobs(),
				unhandledJobs());
	}

	/**
	 * The pending jobs whose name no live node has a handler for.
	 * @return their counts by job name, empty when every name is handled or nothing is
	 * known of the nodes' handlers
	 */
	private Map<String, Long> unhandledJobs() {
		HandlerCoverage handlers = this.coverage;
		return (handlers != null) ? handlers.unhandledJobs() : Map.of();
	}

	private @Nullable WorkerDescriptor workerDescriptor() {
		WorkerStatus worker = this.worker;
		if (worker == null) {
			return null;
		}
		return new WorkerDescriptor(worker.nodeName(), worker.isRunning(), worker.activeJobs(), worker.capacity(),
				worker.stuckThreads(), worker.lastPoll(), List.copyOf(worker.pausedQueues()), worker.stopRequested());
	}

	/**
	 * One job with its execution history and log lines, its values shown or masked as
	 * {@code showValues} says for who asks.
	 * @param securityContext who asks
	 * @param id the job id
	 * @return the job, or {@code null} if there is none
	 */
	@Nullable JobDescriptor job(SecurityContext securityContext, String id) {
		JobId jobId = EndpointArguments.jobId(id);
		boolean showValues = this.showValues.isShown(securityContext, this.roles);
		return this.jobs.get(jobId)
			.map((job) -> describe(job, this.jobs.history(jobId), this.jobs.logs(jobId), showValues))
			.orElse(null);
	}

	private JobDescriptor describe(Job job, List<JobExecution> history, List<JobLogLine> logs, boolean showValues) {
		return new JobDescriptor(job.id().toString(), job.name(), job.queue(), job.status(), job.priority().name(),
				job.attempts(), job.maxAttempts(), job.progress(), sanitize("uniqueKey", job.uniqueKey(), showValues),
				job.createdAt(), job.runAt(), job.startedAt(), job.finishedAt(), job.node(),
				sanitize("error", job.error(), showValues), sanitize("payload", job.payloadJson(), showValues),
				sanitize("result", job.resultJson(), showValues),
				history.stream().map((execution) -> sanitized(execution, showValues)).toList(),
				logs.stream().map((line) -> sanitized(line, showValues)).toList());
	}

	private JobExecution sanitized(JobExecution execution, boolean showValues) {
		return new JobExecution(execution.jobId(), execution.attempt(), execution.node(), execution.startedAt(),
				execution.finishedAt(), execution.duration(), execution.outcome(),
				sanitize("history.error", execution.error(), showValues));
	}

	private JobLogLine sanitized(JobLogLine line, boolean showValues) {
		String message = sanitize("logs.message", line.message(), showValues);
		return new JobLogLine(line.attempt(), line.loggedAt(), line.level(), (message != null) ? message : "");
	}

	private @Nullable String sanitize(String key, @Nullable String value, boolean showValues) {
		Object sanitized = this.sanitizer.sanitize(new SanitizableData(null, key, value), showValues);
		return (sanitized != null) ? sanitized.toString() : null;
	}

}
