package dev.jobs.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.jobs.JobExecution;
import dev.jobs.JobStatus;
import dev.jobs.JobsNode;
import dev.jobs.JobsProblem;
import dev.jobs.JobsThroughput;
import dev.jobs.QueueInfo;

/**
 * The small response bodies of the console, each a record of what one route answers.
 */
final class ConsoleBodies {

	private ConsoleBodies() {
	}

	/**
	 * A page of jobs: {@code GET /jobs}.
	 *
	 * @param jobs the jobs of the page
	 * @param total how many jobs match the filters, or, when {@code totalExact} is false,
	 * how many at least
	 * @param offset how many were skipped
	 * @param limit the page size
	 * @param totalExact whether {@code total} is exact: a count stops past the bound
	 * {@link ConsoleJobsController#EXACT_TOTAL_LIMIT} beyond the page
	 */
	record JobPage(List<JobSummary> jobs, long total, long offset, int limit,
			boolean totalExact) implements ConsoleJson {

	}

	/**
	 * One attempt of a job.
	 *
	 * @param attempt its number, from 1
	 * @param node the node that ran it
	 * @param startedAt when it started
	 * @param finishedAt when it ended
	 * @param duration how long it ran
	 * @param outcome how it ended
	 * @param error its error, or {@code null}
	 */
	record Execution(int attempt, String node, Instant startedAt, Instant finishedAt, Duration duration,
			JobExecution.Outcome outcome, @Nullable String error) implements ConsoleJson {

	}

	/**
	 * A job's attempts: {@code GET /jobs/{id}/history}.
	 *
	 * @param jobId the job's id
	 * @param executions its attempts, oldest first
	 */
	record History(String jobId, List<Execution> executions) implements ConsoleJson {

	}

	/**
	 * One line a handler logged.
	 *
	 * @param attempt the attempt that logged it
	 * @param loggedAt when
	 * @param level its level
	 * @param message its message
	 */
	record LogLine(int attempt, Instant loggedAt, String level, String message) implements ConsoleJson {

	}

	/**
	 * A job's log lines: {@code GET /jobs/{id}/logs}.
	 *
	 * @param jobId the job's id
	 * @param lines its lines, oldest first
	 */
	record Logs(String jobId, List<LogLine> lines) implements ConsoleJson {

	}

	/**
	 * What a cancel did: {@code DELETE /jobs/{id}}.
	 *
	 * @param cancelled whether the job is cancelled, or {@code null}
	 * @param cancelRequested whether the running job was asked to stop, or {@code null}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Cancel(@Nullable Boolean cancelled, @Nullable Boolean cancelRequested) implements ConsoleJson {

	}

	/**
	 * The job a recurring job's trigger enqueued.
	 *
	 * @param jobId its id
	 */
	record Triggered(String jobId) implements ConsoleJson {

	}

	/**
	 * Counts of jobs: {@code GET /stats}.
	 *
	 * @param counts by status
	 * @param total of every status
	 * @param queues by queue, then status
	 */
	record Stats(Map<JobStatus, Long> counts, long total,
			Map<String, Map<JobStatus, Long>> queues) implements ConsoleJson {

	}

	/**
	 * A recurring job.
	 *
	 * @param name its name
	 * @param handler the job name of its runs
	 * @param schedule its cron expression or interval
	 * @param zone its time zone
	 * @param nextRunAt when it runs next, or {@code null}
	 * @param lastRunAt when it last ran, or {@code null}
	 * @param paused whether it is paused
	 */
	record Recurring(String name, String handler, String schedule, String zone, @Nullable Instant nextRunAt,
			@Nullable Instant lastRunAt, boolean paused) implements ConsoleJson {

	}

	/**
	 * The recurring jobs: {@code GET /recurring}.
	 *
	 * @param recurringJobs every recurring job, by name
	 */
	record RecurringJobs(List<Recurring> recurringJobs) implements ConsoleJson {

	}

	/**
	 * The caller: {@code GET /me}.
	 *
	 * @param name the principal's name, or {@code null} when anonymous
	 * @param canWrite whether the console accepts the caller's writes
	 * @param csrf the CSRF token to send with writes, or {@code null}
	 */
	record Me(@Nullable String name, boolean canWrite, @Nullable CsrfView csrf) implements ConsoleJson {

	}

	/**
	 * The jobs health contributor: {@code GET /health}.
	 *
	 * @param status its status code
	 * @param details its details
	 */
	record Health(String status, Map<String, Object> details) implements ConsoleJson {

	}

	/**
	 * A job's progress, as an event stream sends it.
	 *
	 * @param jobId the job's id
	 * @param progress its progress, 0 to 100
	 */
	record Progress(String jobId, int progress) implements ConsoleJson {

	}

	/**
	 * A queue of the cluster: {@code GET /queues/{name}}.
	 *
	 * @param name the queue name
	 * @param counts how many of its jobs are in each status
	 * @param paused whether it is paused across the cluster
	 * @param pausedOnThisNode whether this node's configuration pauses it
	 * @param concurrency its limit on this node, or {@code null}
	 * @param completedPerMinute its jobs completed per minute over the last five minutes
	 */
	record Queue(String name, Map<JobStatus, Long> counts, boolean paused, boolean pausedOnThisNode,
			@Nullable Integer concurrency, double completedPerMinute) implements ConsoleJson {

		static Queue of(QueueInfo info) {
			return new Queue(info.name(), info.counts(), info.paused(), info.pausedOnThisNode(), info.concurrency(),
					info.completedPerMinute());
		}

	}

	/**
	 * The queues of the cluster: {@code GET /queues}.
	 *
	 * @param queues every queue, by name
	 */
	record Queues(List<Queue> queues) implements ConsoleJson {

	}

	/**
	 * What a pause or resume of a queue did: {@code POST /queues/{name}/pause} and
	 * {@code /resume}.
	 *
	 * @param queue the queue name
	 * @param paused whether the queue is now paused across the cluster
	 * @param changed whether this request changed that
	 */
	record QueueState(String queue, boolean paused, boolean changed) implements ConsoleJson {

	}

	/**
	 * What a drain of a queue did: {@code POST /queues/{name}/drain}.
	 *
	 * @param cancelled how many jobs were cancelled
	 */
	record Drained(long cancelled) implements ConsoleJson {

	}

	/**
	 * What a clean of a queue did: {@code POST /queues/{name}/clean}.
	 *
	 * @param deleted how many finished jobs were deleted
	 */
	record Cleaned(long deleted) implements ConsoleJson {

	}

	/**
	 * A node of the cluster.
	 *
	 * @param name the node name
	 * @param startedAt when its worker registered
	 * @param lastHeartbeat its last heartbeat
	 * @param heartbeatAge how long ago that was
	 * @param concurrency how many jobs it runs at once, or {@code null}
	 * @param runningJobs how many jobs it owns
	 * @param workerRunning whether its worker starts jobs
	 */
	record Node(String name, Instant startedAt, Instant lastHeartbeat, Duration heartbeatAge,
			@Nullable Integer concurrency, long runningJobs, boolean workerRunning) implements ConsoleJson {

		static Node of(JobsNode node) {
			return new Node(node.name(), node.startedAt(), node.lastHeartbeat(), node.heartbeatAge(),
					node.concurrency(), node.runningJobs(), node.workerRunning());
		}

	}

	/**
	 * The nodes of the cluster: {@code GET /nodes}.
	 *
	 * @param nodes every node, by name
	 */
	record Nodes(List<Node> nodes) implements ConsoleJson {

	}

	/**
	 * What a start or stop of workers asked: {@code POST /runner/start} and
	 * {@code /runner/stop}.
	 *
	 * @param node the node, or {@code null} for every node
	 * @param running whether the workers are now to start jobs
	 */
	record Runner(@Nullable String node, boolean running) implements ConsoleJson {

	}

	/**
	 * The jobs that ended in one minute in one queue.
	 *
	 * @param minute the start of the minute
	 * @param queue the queue
	 * @param completed how many completed
	 * @param failed how many failed for good
	 */
	record Minute(Instant minute, String queue, long completed, long failed) implements ConsoleJson {

		static Minute of(JobsThroughput throughput) {
			return new Minute(throughput.minute(), throughput.queue(), throughput.completed(), throughput.failed());
		}

	}

	/**
	 * The throughput per minute and queue: {@code GET /throughput}.
	 *
	 * @param window how far back
	 * @param minutes the minutes that had jobs end, oldest first
	 */
	record Throughput(Duration window, List<Minute> minutes) implements ConsoleJson {

	}

	/**
	 * Something that needs an operator's attention.
	 *
	 * @param kind what kind of problem it is
	 * @param subject what it is about
	 * @param message what is wrong
	 */
	record Attention(JobsProblem.Kind kind, String subject, String message) implements ConsoleJson {

		static Attention of(JobsProblem problem) {
			return new Attention(problem.kind(), problem.subject(), problem.message());
		}

	}

	/**
	 * What needs attention: {@code GET /problems}.
	 *
	 * @param problems the problems, none when all is well
	 */
	record Problems(List<Attention> problems) implements ConsoleJson {

	}

	/**
	 * What a purge of a finished job did: {@code DELETE /jobs/{id}?purge=true}.
	 *
	 * @param deleted whether it was deleted
	 */
	record Deleted(boolean deleted) implements ConsoleJson {

	}

	/**
	 * What a retry of every matching failed job did: {@code POST /jobs/retry}.
	 *
	 * @param retried how many jobs were retried
	 */
	record Retried(long retried) implements ConsoleJson {

	}

}
