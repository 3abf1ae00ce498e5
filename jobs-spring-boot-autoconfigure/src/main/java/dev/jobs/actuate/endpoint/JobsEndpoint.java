package dev.jobs.actuate.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import dev.jobs.JobExecution;
import dev.jobs.JobLogLine;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.RecurringJobInfo;
import dev.jobs.engine.HandlerCoverage;
import dev.jobs.store.NodeInfo;
import dev.jobs.store.NodeRegistry;
import dev.jobs.worker.WorkerStatus;

/**
 * {@link Endpoint @Endpoint} that shows the jobs of the cluster and steers them.
 * <ul>
 * <li>{@code GET /actuator/jobs}: counts per status and queue, this node's worker, the
 * registered nodes, the recurring jobs and, under {@code unhandled}, the pending jobs
 * whose name no live node has a handler for;</li>
 * <li>{@code GET /actuator/jobs/{id}}: one job with its execution history and the lines
 * it logged;</li>
 * <li>{@code POST /actuator/jobs/{id}} with {@code {"action": "cancel" | "retry"}};</li>
 * <li>{@code POST /actuator/jobs/recurring/{name}} with {@code {"action": "trigger" |
 * "pause" | "resume"}};</li>
 * <li>{@code POST /actuator/jobs/queues/{name}} with {@code {"action": "pause" |
 * "resume"}}, on the node that serves the request.</li>
 * </ul>
 * The endpoint is read-only unless {@code management.endpoint.jobs.access=unrestricted}.
 * Payloads, results, unique keys, error texts and log lines are shown as {@code ******}
 * unless {@code management.endpoint.jobs.show-values} allows them, and then pass through
 * the application's {@link SanitizingFunction sanitizing functions} under the keys
 * {@code payload}, {@code result}, {@code uniqueKey}, {@code error},
 * {@code history.error} and {@code logs.message}. Every write operation leaves one line
 * on the {@code dev.jobs.audit} logger.
 *
 * @since 0.1.0
 */
@Endpoint(id = "jobs", defaultAccess = Access.READ_ONLY)
public class JobsEndpoint {

	private final JobsView view;

	private final JobsActions actions;

	/**
	 * Create the endpoint.
	 * @param jobs the jobs API
	 * @param nodes the registry of nodes
	 * @param worker this node's worker, or {@code null} if it runs none
	 * @param showValues when payloads, results, unique keys, errors and log lines are
	 * shown
	 * @param roles the roles that may see them when {@code showValues} is
	 * {@link Show#WHEN_AUTHORIZED}
	 * @param sanitizingFunctions the functions that sanitize the values shown
	 * @param coverage which job names the live nodes handle, or {@code null} not to list
	 * pending jobs that none handles
	 */
	public JobsEndpoint(Jobs jobs, NodeRegistry nodes, @Nullable WorkerStatus worker, Show showValues,
			Collection<String> roles, Iterable<SanitizingFunction> sanitizingFunctions,
			@Nullable HandlerCoverage coverage) {
		this.view = new JobsView(jobs, nodes, worker, showValues, roles, sanitizingFunctions, coverage);
		this.actions = new JobsActions(jobs);
	}

	/**
	 * The jobs of the cluster at a glance.
	 * @return counts, this node's worker, the nodes and the recurring jobs
	 */
	@ReadOperation
	public JobsDescriptor jobs() {
		return this.view.jobs();
	}

	/**
	 * One job with its execution history.
	 * @param securityContext who asks, to decide whether values are shown
	 * @param id the job id
	 * @return the job, or {@code null} (404) if there is none
	 */
	@ReadOperation
	public @Nullable JobDescriptor job(SecurityContext securityContext, @Selector String id) {
		return this.view.job(securityContext, id);
	}

	/**
	 * Cancel or retry a job.
	 * @param securityContext who asks, for the audit line
	 * @param id the job id
	 * @param action {@code cancel} or {@code retry}
	 * @return what was done, or {@code null} (404) if there is no such job
	 */
	@WriteOperation
	public @Nullable ActionDescriptor jobAction(SecurityContext securityContext, @Selector String id,
			@Nullable String action) {
		return this.actions.jobAction(securityContext, id, action);
	}

	/**
	 * Trigger, pause or resume a recurring job, or pause or resume a queue on this node.
	 * @param securityContext who asks, for the audit line
	 * @param kind {@code recurring} or {@code queues}
	 * @param name the recurring job's or the queue's name
	 * @param action {@code trigger}, {@code pause} or {@code resume}
	 * @return what was done, or {@code null} (404) if there is no such recurring job
	 */
	@WriteOperation
	public @Nullable ActionDescriptor control(SecurityContext securityContext, @Selector String kind,
			@Selector String name, @Nullable String action) {
		return this.actions.control(securityContext, kind, name, action);
	}

	/**
	 * The jobs of the cluster at a glance.
	 *
	 * @param counts the number of jobs in each status
	 * @param queues the same per queue
	 * @param worker this node's worker, or {@code null} if it runs none
	 * @param nodes the registered nodes
	 * @param recurring the recurring jobs
	 * @param unhandled the numbers of pending jobs, by job name, that no live node has a
	 * handler for
	 */
	public record JobsDescriptor(Map<JobStatus, Long> counts, Map<String, Map<JobStatus, Long>> queues,
			@Nullable WorkerDescriptor worker, List<NodeDescriptor> nodes, List<RecurringJobInfo> recurring,
			Map<String, Long> unhandled) implements OperationResponseBody {

	}

	/**
	 * This node's worker.
	 *
	 * @param node the node name
	 * @param running whether it runs
	 * @param active the jobs running now
	 * @param capacity how many may run at once
	 * @param stuckThreads handler threads that outlived their timeout or cancellation
	 * @param lastPoll when its last poll succeeded
	 * @param pausedQueues the queues it does not claim from
	 * @param stopRequested whether it was asked to stop starting jobs
	 * ({@code JobsOperations.stopWorkers})
	 */
	public record WorkerDescriptor(String node, boolean running, int active, int capacity, int stuckThreads,
			@Nullable Instant lastPoll, List<String> pausedQueues, boolean stopRequested) {

	}

	/**
	 * A registered node.
	 *
	 * @param name its name
	 * @param startedAt when it registered
	 * @param heartbeatAt its last heartbeat
	 * @param silentFor how long ago that was
	 * @param concurrency how many jobs it runs at once, or {@code null} if it did not say
	 * @param runningJobs how many jobs it owns
	 * @param workerRunning whether its worker starts jobs (no stop was asked)
	 */
	public record NodeDescriptor(String name, Instant startedAt, Instant heartbeatAt, Duration silentFor,
			@Nullable Integer concurrency, long runningJobs, boolean workerRunning) {

		NodeDescriptor(NodeInfo node) {
			this(node.name(), node.startedAt(), node.heartbeatAt(), node.silentFor(), node.concurrency(),
					node.runningJobs(), node.workerWanted());
		}

	}

	/**
	 * One job with its execution history.
	 *
	 * @param id the id
	 * @param name the name
	 * @param queue the queue
	 * @param status the status
	 * @param priority the priority
	 * @param attempts the attempts used
	 * @param maxAttempts the attempts allowed
	 * @param progress the progress, 0 to 100
	 * @param uniqueKey the unique key, if any
	 * @param createdAt when it was enqueued
	 * @param runAt when it is or was due
	 * @param startedAt when its last attempt started
	 * @param finishedAt when it finished
	 * @param node the node running it
	 * @param error the last error, or {@code ******} when values are hidden
	 * @param payload the payload JSON, or {@code ******} when values are hidden
	 * @param result the result JSON, or {@code ******} when values are hidden
	 * @param history its attempts, oldest first, their errors hidden as the job's
	 * @param logs the lines its handler logged through {@code JobContext.log()}, oldest
	 * first, their messages hidden as the job's error
	 */
	public record JobDescriptor(String id, String name, String queue, JobStatus status, String priority, int attempts,
			int maxAttempts, int progress, @Nullable String uniqueKey, Instant createdAt, Instant runAt,
			@Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String node, @Nullable String error,
			@Nullable String payload, @Nullable String result, List<JobExecution> history,
			List<JobLogLine> logs) implements OperationResponseBody {

	}

	/**
	 * What a write operation did.
	 *
	 * @param action the action
	 * @param target the job id, recurring job or queue it acted on
	 * @param done whether it changed anything (a cancel of a finished job does not)
	 * @param jobId the job it enqueued, for {@code retry} and {@code trigger}
	 */
	public record ActionDescriptor(String action, String target, boolean done,
			@Nullable String jobId) implements OperationResponseBody {

	}

}
