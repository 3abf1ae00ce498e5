package dev.jobs.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobStats;
import dev.jobs.JobStatus;
import dev.jobs.JobsProblem;
import dev.jobs.JobsProblem.Kind;
import dev.jobs.engine.CachedJobStats;
import dev.jobs.engine.HandlerCoverage;
import dev.jobs.engine.ProblemSource;
import dev.jobs.health.AttemptFailureRate;
import dev.jobs.store.NodeInfo;
import dev.jobs.store.NodeRegistry;
import dev.jobs.worker.WorkerStatus;

/**
 * The checks behind {@code JobsOperations.problems()}, each over what the health and the
 * metrics already watch: pending jobs that no live node handles, this node's stuck
 * threads, nodes silent for two heartbeat intervals, this node's failure rate above
 * {@code jobs.health.failure-rate-threshold}, and queues over their backlog threshold.
 */
final class JobsProblemSources {

	private static final int MIN_ATTEMPTS_FOR_RATE = 10;

	private JobsProblemSources() {
	}

	static List<ProblemSource> of(NodeRegistry nodes, Duration heartbeatInterval, CachedJobStats stats,
			Map<String, Integer> backlogThresholds, AttemptFailureRate failureRate, double failureRateThreshold,
			@Nullable HandlerCoverage coverage, @Nullable WorkerStatus worker) {
		List<ProblemSource> sources = new ArrayList<>();
		if (coverage != null) {
			sources.add(() -> coverage.unhandledJobs()
				.entrySet()
				.stream()
				.map((unhandled) -> new JobsProblem(Kind.UNHANDLED_JOBS, unhandled.getKey(),
						unhandled.getValue() + " pending jobs named '" + unhandled.getKey()
								+ "' wait: no live node has a handler for them"))
				.toList());
		}
		if (worker != null) {
			sources.add(
					() -> (worker.stuckThreads() > 0)
							? List
								.of(new JobsProblem(Kind.STUCK_THREADS, worker.nodeName(),
										worker.stuckThreads() + " handler threads of node " + worker.nodeName()
												+ " outlived their timeout or cancellation and still run"))
							: List.of());
		}
		Duration silence = heartbeatInterval.multipliedBy(2);
		sources.add(() -> nodes.nodes()
			.stream()
			.filter((node) -> node.silentFor().compareTo(silence) > 0)
			.map((node) -> silentNode(node))
			.toList());
		sources.add(() -> {
			AttemptFailureRate.Counts counts = failureRate.counts();
			if (counts.finished() < MIN_ATTEMPTS_FOR_RATE || counts.rate() <= failureRateThreshold) {
				return List.of();
			}
			String node = (worker != null) ? worker.nodeName() : "this node";
			return List.of(new JobsProblem(Kind.FAILURE_RATE, node, String.format(Locale.ROOT,
					"%d of the last %d attempts on %s failed (%.0f%%, above %.0f%%) within %s", counts.failed(),
					counts.finished(), node, counts.rate() * 100, failureRateThreshold * 100, failureRate.window())));
		});
		if (!backlogThresholds.isEmpty()) {
			sources.add(() -> {
				JobStats current = stats.get();
				List<JobsProblem> problems = new ArrayList<>();
				backlogThresholds.forEach((queue, threshold) -> {
					long pending = current.queue(queue).count(JobStatus.PENDING);
					if (pending > threshold) {
						problems.add(new JobsProblem(Kind.QUEUE_BACKLOG, queue, "Queue " + queue + " holds " + pending
								+ " pending jobs, over its threshold of " + threshold));
					}
				});
				return problems;
			});
		}
		return sources;
	}

	private static JobsProblem silentNode(NodeInfo node) {
		return new JobsProblem(Kind.SILENT_NODE, node.name(), "Node " + node.name() + " has not heartbeaten for "
				+ node.silentFor().toSeconds() + "s; its running jobs are rescued once it counts as dead");
	}

}
