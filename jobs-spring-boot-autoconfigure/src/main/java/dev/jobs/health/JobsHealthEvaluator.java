package dev.jobs.health;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.jobs.Job;
import dev.jobs.JobQuery;
import dev.jobs.JobStats;
import dev.jobs.JobStatus;
import dev.jobs.engine.CachedJobStats;
import dev.jobs.engine.HandlerCoverage;
import dev.jobs.store.JobQueries;
import dev.jobs.worker.WorkerStatus;

/**
 * Computes the health of the jobs on this node, with no Actuator types, so that health
 * changes are seen even where Actuator is absent. The rules, first match wins:
 * <ol>
 * <li>{@code DOWN} when the store cannot be read (the cached counts or the oldest-pending
 * query throw);</li>
 * <li>{@code OUT_OF_SERVICE} when this node's worker has run and is now shutting down or
 * stopped;</li>
 * <li>{@code DOWN} when the worker runs but no poll succeeded for {@code missed-polls}
 * poll intervals, or more than {@code max-stuck-threads} handler threads outlived their
 * attempt;</li>
 * <li>{@code UP} otherwise, including a node without a worker or whose worker waits to be
 * started.</li>
 * </ol>
 * The details list, under {@code unhandled}, the names of pending jobs that no live node
 * has a handler for, with their counts.
 */
public class JobsHealthEvaluator {

	private final CachedJobStats stats;

	private final JobQueries queries;

	private final @Nullable WorkerStatus worker;

	private final AttemptFailureRate failureRate;

	private final int missedPolls;

	private final int maxStuckThreads;

	private final @Nullable HandlerCoverage coverage;

	/**
	 * Create the evaluator.
	 * @param stats the cached counts by queue and status
	 * @param queries reads the oldest pending job
	 * @param worker this node's worker, or {@code null} if it has none
	 * @param failureRate the failure rate of this node's attempts
	 * @param missedPolls poll intervals without a successful poll that make a running
	 * worker DOWN
	 * @param maxStuckThreads most stuck handler threads before the node is DOWN
	 * @param coverage which job names the live nodes handle, or {@code null} not to
	 * report pending jobs that none handles
	 */
	public JobsHealthEvaluator(CachedJobStats stats, JobQueries queries, @Nullable WorkerStatus worker,
			AttemptFailureRate failureRate, int missedPolls, int maxStuckThreads, @Nullable HandlerCoverage coverage) {
		this.stats = stats;
		this.queries = queries;
		this.worker = worker;
		this.failureRate = failureRate;
		this.missedPolls = missedPolls;
		this.maxStuckThreads = maxStuckThreads;
		this.coverage = coverage;
	}

	/**
	 * Evaluate the health now.
	 * @return the status and its details
	 */
	public JobsHealthSnapshot evaluate() {
		Map<String, Object> details = new LinkedHashMap<>();
		try {
			addQueueDetails(details);
			addUnhandledJobs(details);
		}
		catch (RuntimeException ex) {
			details.put("reason", "store unreachable");
			addWorkerDetails(details);
			return new JobsHealthSnapshot(JobsHealthSnapshot.DOWN, details, ex);
		}
		addWorkerDetails(details);
		String status = workerStatus(details);
		return new JobsHealthSnapshot(status, details, null);
	}

	private void addQueueDetails(Map<String, Object> details) {
		JobStats current = this.stats.get();
		Map<String, Long> pending = new TreeMap<>();
		for (String queue : current.queues()) {
			pending.put(queue, current.queue(queue).count(JobStatus.PENDING));
		}
		details.put("pending", current.count(JobStatus.PENDING));
		details.put("queues", pending);
		if (current.count(JobStatus.PENDING) > 0) {
			List<Job> oldest = this.queries.query(JobQuery.builder()
				.status(JobStatus.PENDING)
				.sortBy(JobQuery.Sort.RUN_AT)
				.ascending()
				.limit(1)
				.build());
			if (!oldest.isEmpty()) {
				Duration age = Duration.between(oldest.get(0).runAt(), Instant.now());
				details.put("oldestPendingAge", (age.isNegative() ? Duration.ZERO : age).toString());
			}
		}
	}

	/**
	 * Pending jobs whose name no live node has a handler for: they wait, and are not
	 * dropped, until a node with that handler runs. Reported, not DOWN.
	 */
	private void addUnhandledJobs(Map<String, Object> details) {
		if (this.coverage != null) {
			details.put("unhandled", this.coverage.unhandledJobs());
		}
	}

	private void addWorkerDetails(Map<String, Object> details) {
		WorkerStatus local = this.worker;
		if (local == null) {
			details.put("worker", "disabled");
		}
		else {
			details.put("worker", workerState(local));
			details.put("activeJobs", local.activeJobs());
			details.put("capacity", local.capacity());
			details.put("stuckThreads", local.stuckThreads());
			if (!local.unreadableRecurringJobs().isEmpty()) {
				details.put("unreadableRecurringJobs", new TreeSet<>(local.unreadableRecurringJobs().keySet()));
			}
			Instant lastPoll = local.lastPoll();
			if (lastPoll != null) {
				details.put("lastPoll", lastPoll.toString());
			}
		}
		AttemptFailureRate.Counts counts = this.failureRate.counts();
		details.put("failureRate", counts.rate());
		details.put("failedAttempts", counts.failed());
		details.put("finishedAttempts", counts.finished());
		details.put("failureRateWindow", this.failureRate.window().toString());
	}

	private static String workerState(WorkerStatus worker) {
		if (worker.isRunning()) {
			return worker.stopRequested() ? "stopped by request" : "running";
		}
		return (worker.startedAt() != null) ? "stopped" : "not started";
	}

	private String workerStatus(Map<String, Object> details) {
		WorkerStatus local = this.worker;
		if (local == null) {
			return JobsHealthSnapshot.UP;
		}
		Instant startedAt = local.startedAt();
		if (!local.isRunning()) {
			if (startedAt != null) {
				details.put("reason", "worker stopped");
				return JobsHealthSnapshot.OUT_OF_SERVICE;
			}
			return JobsHealthSnapshot.UP;
		}
		Instant lastPoll = local.lastPoll();
		Instant reference = (lastPoll != null && (startedAt == null || lastPoll.isAfter(startedAt))) ? lastPoll
				: startedAt;
		Duration allowed = local.pollInterval().multipliedBy(this.missedPolls);
		if (reference != null && Duration.between(reference, Instant.now()).compareTo(allowed) > 0) {
			details.put("reason", "no successful poll for " + allowed);
			return JobsHealthSnapshot.DOWN;
		}
		if (local.stuckThreads() > this.maxStuckThreads) {
			details.put("reason", "more than " + this.maxStuckThreads + " stuck threads");
			return JobsHealthSnapshot.DOWN;
		}
		return JobsHealthSnapshot.UP;
	}

}
