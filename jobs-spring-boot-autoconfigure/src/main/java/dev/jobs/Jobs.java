package dev.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Enqueue, inspect and steer jobs. One bean of this type is available for injection.
 *
 * <pre class="code">
 * JobId id = jobs.enqueue("send-email", new EmailRequest(...));
 * Optional&lt;Job&gt; job = jobs.get(id);
 * </pre>
 *
 * An enqueue inside an application transaction joins it: the job exists only if that
 * transaction commits, and workers are woken after the commit.
 *
 * @since 0.1.0
 */
public interface Jobs {

	/**
	 * Enqueue a job with the given name and payload and its handler's settings.
	 * @param name the job name
	 * @param payload the payload, any JSON-mappable value, or {@code null}
	 * @return the new job's id
	 * @throws InvalidJobRequestException if the name is blank or the payload cannot be
	 * serialised; nothing is stored then
	 */
	default JobId enqueue(String name, @Nullable Object payload) {
		return enqueue(JobRequest.of(name, payload));
	}

	/**
	 * Enqueue a job. With a unique key that an unfinished job already holds, nothing is
	 * enqueued and that job's id is returned.
	 * @param request the request
	 * @return the id of the new job, or of the unfinished job holding the unique key
	 * @throws InvalidJobRequestException if the request is invalid; nothing is stored
	 * then
	 */
	JobId enqueue(JobRequest request);

	/**
	 * Enqueue many jobs in one round trip per batch. Either all are stored or none.
	 * @param requests the requests
	 * @return the ids, in the order of the requests
	 * @throws InvalidJobRequestException if any request is invalid; nothing is stored
	 * then
	 */
	List<JobId> enqueueAll(List<JobRequest> requests);

	/**
	 * A snapshot of a job.
	 * @param id the job id
	 * @return the job, or empty if the store does not hold it
	 */
	Optional<Job> get(JobId id);

	/**
	 * Cancel a job. A scheduled or pending job becomes {@link JobStatus#CANCELLED} and
	 * never runs; a running job is asked to stop (its thread is interrupted and
	 * {@link JobContext#isCancelled()} turns true) and ends cancelled.
	 * @param id the job id
	 * @return {@code true} if the job was cancelled or asked to stop, {@code false} if it
	 * had already finished or does not exist
	 */
	boolean cancel(JobId id);

	/**
	 * Put a failed or cancelled job back to pending under the same id, with a fresh
	 * budget of attempts. Its execution history is kept.
	 * @param id the job id
	 * @return the job id
	 * @throws JobNotFoundException if there is no such job
	 * @throws InvalidJobStateException if the job is not failed or cancelled, or another
	 * unfinished job now holds its unique key
	 */
	JobId retry(JobId id);

	/**
	 * The jobs that match a query.
	 * @param query the query
	 * @return the page of jobs
	 */
	List<Job> query(JobQuery query);

	/**
	 * How many jobs match a query's filters; its sort and page are ignored.
	 * @param query the query
	 * @return the count
	 */
	long count(JobQuery query);

	/**
	 * How many jobs match a query's filters, counted no further than a bound: a list that
	 * shows "more than" past the bound stays fast on a table of millions of rows, where
	 * an exact count reads every matching row.
	 * @param query the query; its sort and page are ignored
	 * @param atMost the bound, at least 1
	 * @return the count, or {@code atMost} if at least that many match
	 * @throws InvalidJobRequestException if {@code atMost} is below 1
	 */
	long count(JobQuery query, long atMost);

	/**
	 * Counts of jobs by status and queue.
	 * @return the stats
	 */
	JobStats stats();

	/**
	 * The execution history of a job, one entry per attempt, oldest first.
	 * @param id the job id
	 * @return the executions, empty if none
	 */
	List<JobExecution> history(JobId id);

	/**
	 * The lines the job's handler logged through {@link JobContext#log()}, over all its
	 * attempts, oldest first. At most {@code jobs.history.max-log-lines} are kept per
	 * job; an attempt that logged more adds a {@link JobLogLine#DROPPED} line counting
	 * the others.
	 * @param id the job id
	 * @return the lines, empty if none
	 */
	List<JobLogLine> logs(JobId id);

	/**
	 * Schedule a recurring job at run time, or replace the schedule of one with the same
	 * name. It fires once per occurrence across every node sharing the database.
	 * @param request the recurring job
	 * @return the stored recurring job
	 * @throws InvalidJobRequestException if its schedule, zone or payload is invalid
	 */
	RecurringJobInfo schedule(RecurringJobRequest request);

	/**
	 * Every stored recurring job.
	 * @return the recurring jobs, by name
	 */
	List<RecurringJobInfo> recurringJobs();

	/**
	 * Pause a recurring job on every node.
	 * @param name the recurring job's name
	 * @return {@code false} if there is no such recurring job
	 */
	boolean pauseRecurring(String name);

	/**
	 * Resume a paused recurring job; it runs next at its first occurrence from now.
	 * @param name the recurring job's name
	 * @return {@code false} if there is no such recurring job
	 */
	boolean resumeRecurring(String name);

	/**
	 * Run a recurring job once now, besides its schedule.
	 * @param name the recurring job's name
	 * @return the id of the job enqueued for the run
	 * @throws RecurringJobNotFoundException if there is no such recurring job
	 */
	JobId triggerRecurring(String name);

	/**
	 * Remove a recurring job. Its jobs already enqueued still run.
	 * @param name the recurring job's name
	 * @return {@code false} if there was no such recurring job
	 */
	boolean unschedule(String name);

	/**
	 * Change a job that has not started (scheduled, or pending, also between attempts):
	 * when it runs, its priority or its attempts.
	 * @param id the job id
	 * @param changes the changes
	 * @return the job as changed
	 * @throws JobNotFoundException if there is no such job
	 * @throws InvalidJobStateException if it runs or has finished
	 * @throws InvalidJobRequestException if a new {@code maxAttempts} is not above the
	 * attempts it made
	 */
	Job reschedule(JobId id, JobChanges changes);

	/**
	 * Delete a finished job with its history and log lines.
	 * @param id the job id
	 * @return {@code true} if it was deleted, {@code false} if there is no such job
	 * @throws InvalidJobStateException if it has not finished
	 */
	boolean delete(JobId id);

	/**
	 * Retry every failed job that a query matches, as {@link #retry(JobId)} does; the
	 * query's statuses, sort and page are ignored. A job that cannot be retried because
	 * another unfinished job holds its unique key is left failed.
	 * @param query which failed jobs: by name, queue, priorities, search and creation
	 * time
	 * @return how many jobs were retried
	 */
	long retryFailed(JobQuery query);

	/**
	 * Pause a queue across the cluster: within one poll interval no node starts a job of
	 * it, and the jobs a node held ready for it go back to the queue. Running jobs run
	 * on. The pause lasts until {@link #resumeQueue(String)}, also for nodes that start
	 * later; a queue that has had no job yet may be paused.
	 * @param queue the queue name
	 * @return {@code true} if this call paused it, {@code false} if it was paused already
	 * @throws InvalidJobRequestException if the queue name is not valid
	 */
	boolean pauseQueue(String queue);

	/**
	 * Resume a queue paused with {@link #pauseQueue(String)}: every node starts its jobs
	 * again within one poll interval. A pause of a node's configuration
	 * ({@code jobs.queues.<name>.paused=true}) stays.
	 * @param queue the queue name
	 * @return {@code true} if this call resumed it, {@code false} if it was not paused
	 * @throws InvalidJobRequestException if the queue name is not valid
	 */
	boolean resumeQueue(String queue);

	/**
	 * Cancel every job of a queue that has not started: its scheduled and pending jobs.
	 * Running jobs run on. A {@code JobCancelledEvent} is published for each.
	 * @param queue the queue name
	 * @return how many jobs were cancelled
	 * @throws InvalidJobRequestException if the queue name is not valid
	 */
	long drainQueue(String queue);

	/**
	 * Delete finished jobs of a queue, with their history and log lines: those in a
	 * finished status that finished longer than {@code grace} ago, oldest first, at most
	 * {@code limit}.
	 * @param queue the queue name
	 * @param status {@link JobStatus#COMPLETED}, {@link JobStatus#FAILED} or
	 * {@link JobStatus#CANCELLED}
	 * @param grace how long a job stays after it finished; zero for none
	 * @param limit the most jobs to delete, at least 1
	 * @return how many jobs were deleted
	 * @throws InvalidJobRequestException if the status is not a finished one, the grace
	 * is negative, the limit below 1 or the queue name not valid
	 */
	long cleanQueue(String queue, JobStatus status, Duration grace, int limit);

	/**
	 * The queues of the cluster: those that hold jobs, those paused, and those this node
	 * configures, by name.
	 * @return the queues
	 */
	List<QueueInfo> queues();

}
