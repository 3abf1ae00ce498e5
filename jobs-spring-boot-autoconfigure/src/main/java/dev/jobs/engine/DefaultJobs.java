package dev.jobs.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.InvalidJobStateException;
import dev.jobs.Job;
import dev.jobs.JobChanges;
import dev.jobs.JobExecution;
import dev.jobs.JobId;
import dev.jobs.JobLogLine;
import dev.jobs.JobNotFoundException;
import dev.jobs.JobQuery;
import dev.jobs.JobRequest;
import dev.jobs.JobStats;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.QueueInfo;
import dev.jobs.RecurringJobInfo;
import dev.jobs.RecurringJobRequest;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.recurring.RecurringJobService;
import dev.jobs.recurring.RecurringSettings;
import dev.jobs.store.EnqueueResult;
import dev.jobs.store.JobStore;
import dev.jobs.store.JobWriter.CancelResult;
import dev.jobs.store.NewJob;

/**
 * The {@link Jobs} bean. Enqueueing joins the caller's transaction; the
 * {@code JobEnqueuedEvent} and the worker's wake-up follow its commit.
 */
public class DefaultJobs implements Jobs {

	private static final int RETRY_BATCH = 500;

	private final NewJobFactory factory;

	private final JobStore store;

	private final JobLifecycleListener listener;

	private final Supplier<WorkerSignals> worker;

	private final RecurringJobService recurring;

	private final QueueOperations queues;

	/**
	 * Start building the facade.
	 * @param store the store
	 * @param factory builds jobs from requests
	 * @return the builder
	 */
	public static JobsBuilder builder(JobStore store, NewJobFactory factory) {
		return new JobsBuilder(store, factory);
	}

	/**
	 * Create the bean.
	 * @param factory builds jobs from requests
	 * @param store the store
	 * @param listener is told of enqueued and cancelled jobs
	 * @param worker this node's worker, or {@link WorkerSignals#NONE}
	 * @param localQueues how this node's configuration treats queues
	 * @param recurringSettings how recurring jobs are read
	 * @param payloadMapper serialises the payloads of recurring jobs
	 */
	DefaultJobs(NewJobFactory factory, JobStore store, JobLifecycleListener listener, Supplier<WorkerSignals> worker,
			Map<String, QueueSettings> localQueues, RecurringSettings recurringSettings,
			JobPayloadMapper payloadMapper) {
		this.factory = factory;
		this.store = store;
		this.listener = listener;
		this.worker = worker;
		this.recurring = new RecurringJobService(store.recurring(), recurringSettings, payloadMapper, this::enqueueJson,
				() -> worker.get().schedulesChanged());
		this.queues = new QueueOperations(store, listener, worker, localQueues);
	}

	/**
	 * The recurring jobs this bean steers.
	 * @return the recurring job service
	 */
	public RecurringJobService recurring() {
		return this.recurring;
	}

	@Override
	public JobId enqueue(JobRequest request) {
		return store(List.of(this.factory.create(request))).get(0);
	}

	/**
	 * Enqueue a job whose payload is already JSON.
	 * @param request the request, whose payload is ignored
	 * @param payloadJson the payload JSON, or {@code null}
	 * @return the job's id
	 */
	JobId enqueueJson(JobRequest request, @Nullable String payloadJson) {
		return store(List.of(this.factory.create(request, payloadJson))).get(0);
	}

	@Override
	public List<JobId> enqueueAll(List<JobRequest> requests) {
		if (requests == null) {
			throw new InvalidJobRequestException("Job requests must not be null");
		}
		List<NewJob> jobs = new ArrayList<>(requests.size());
		for (JobRequest request : requests) {
			jobs.add(this.factory.create(request));
		}
		return store(jobs);
	}

	private List<JobId> store(List<NewJob> jobs) {
		List<EnqueueResult> results = this.store.writer().insert(jobs);
		List<NewJob> inserted = new ArrayList<>(jobs.size());
		List<JobId> ids = new ArrayList<>(results.size());
		for (int i = 0; i < results.size(); i++) {
			ids.add(results.get(i).id());
			if (results.get(i).inserted()) {
				inserted.add(jobs.get(i));
			}
		}
		if (!inserted.isEmpty()) {
			Duration earliestDelay = earliestDelay(inserted);
			AfterCommit.run(() -> {
				inserted.forEach(this.listener::jobEnqueued);
				this.worker.get().jobsEnqueued();
				if (earliestDelay != null) {
					this.worker.get().jobDueIn(earliestDelay);
				}
			});
		}
		return ids;
	}

	/**
	 * How long until the first of the jobs that are not due at once is due.
	 */
	private static @Nullable Duration earliestDelay(List<NewJob> jobs) {
		Instant now = Instant.now();
		Duration earliest = null;
		for (NewJob job : jobs) {
			if (!job.isDueAt(now)) {
				Duration delay = (job.runAt() != null) ? Duration.between(now, job.runAt()) : job.delay();
				if (earliest == null || delay.compareTo(earliest) < 0) {
					earliest = delay;
				}
			}
		}
		return earliest;
	}

	@Override
	public Optional<Job> get(JobId id) {
		return this.store.queries().get(id);
	}

	@Override
	public boolean cancel(JobId id) {
		Optional<Job> job = get(id);
		if (job.isEmpty()) {
			return false;
		}
		CancelResult result = this.store.writer().cancel(id);
		if (result == CancelResult.CANCELLED) {
			AfterCommit.run(() -> this.listener.jobCancelled(id, job.get().name(), job.get().queue(), null));
		}
		else if (result == CancelResult.STOP_REQUESTED) {
			AfterCommit.run(() -> this.worker.get().cancelRequested(id));
		}
		return result != CancelResult.NOT_CANCELLABLE;
	}

	@Override
	public JobId retry(JobId id) {
		Job job = get(id).orElseThrow(() -> new JobNotFoundException(id));
		if (!this.store.writer().retry(id)) {
			throw new InvalidJobStateException("Job " + id + " cannot be retried: it is " + job.status()
					+ ", and only FAILED or CANCELLED jobs can be retried");
		}
		AfterCommit.run(() -> this.worker.get().jobsEnqueued());
		return id;
	}

	@Override
	public Job reschedule(JobId id, JobChanges changes) {
		if (changes == null) {
			throw new InvalidJobRequestException("Job changes must not be null");
		}
		if (!this.store.writer().reschedule(id, changes)) {
			Job now = get(id).orElseThrow(() -> new JobNotFoundException(id));
			if (!now.status().isFinished() && now.status() != JobStatus.RUNNING && changes.maxAttempts() != null) {
				throw new InvalidJobRequestException("Job " + id + " cannot get maxAttempts " + changes.maxAttempts()
						+ ": it made " + now.attempts() + " attempts already");
			}
			throw new InvalidJobStateException("Job " + id + " cannot be changed: it is " + now.status()
					+ ", and only jobs that have not started can be changed");
		}
		Job changed = get(id).orElseThrow(() -> new JobNotFoundException(id));
		AfterCommit.run(() -> {
			this.worker.get().jobsEnqueued();
			if (changed.runAt() != null && changed.runAt().isAfter(Instant.now())) {
				this.worker.get().jobDueIn(Duration.between(Instant.now(), changed.runAt()));
			}
		});
		return changed;
	}

	@Override
	public boolean delete(JobId id) {
		Optional<Job> job = get(id);
		if (job.isEmpty()) {
			return false;
		}
		if (this.store.history().delete(id)) {
			return true;
		}
		Optional<Job> now = get(id);
		if (now.isEmpty()) {
			return false;
		}
		throw new InvalidJobStateException("Job " + id + " cannot be deleted: it is " + now.get().status()
				+ ", and only COMPLETED, FAILED or CANCELLED jobs can be deleted");
	}

	@Override
	public long retryFailed(JobQuery query) {
		if (query == null) {
			throw new InvalidJobRequestException("Job query must not be null");
		}
		long retried = 0;
		long leftFailed = 0;
		List<Job> batch;
		do {
			batch = this.store.queries().query(failedOldestFirst(query, leftFailed));
			for (Job job : batch) {
				if (retriedQuietly(job.id())) {
					retried++;
				}
				else {
					leftFailed++;
				}
			}
		}
		while (batch.size() == RETRY_BATCH);
		if (retried > 0) {
			AfterCommit.run(() -> this.worker.get().jobsEnqueued());
		}
		return retried;
	}

	private static JobQuery failedOldestFirst(JobQuery filters, long offset) {
		return new JobQuery(filters.name(), filters.queue(), Set.of(JobStatus.FAILED), filters.priorities(),
				filters.search(), filters.createdAfter(), filters.createdBefore(), JobQuery.Sort.CREATED_AT, false,
				offset, RETRY_BATCH, false);
	}

	private boolean retriedQuietly(JobId id) {
		try {
			return this.store.writer().retry(id);
		}
		catch (InvalidJobStateException ex) {
			return false;
		}
	}

	@Override
	public RecurringJobInfo schedule(RecurringJobRequest request) {
		return recurring().schedule(request);
	}

	@Override
	public List<RecurringJobInfo> recurringJobs() {
		return recurring().recurringJobs();
	}

	@Override
	public boolean pauseRecurring(String name) {
		return recurring().pause(name);
	}

	@Override
	public boolean resumeRecurring(String name) {
		return recurring().resume(name);
	}

	@Override
	public JobId triggerRecurring(String name) {
		return recurring().trigger(name);
	}

	@Override
	public boolean unschedule(String name) {
		return recurring().unschedule(name);
	}

	@Override
	public List<Job> query(JobQuery query) {
		return this.store.queries().query(query);
	}

	@Override
	public long count(JobQuery query) {
		return this.store.queries().count(query);
	}

	@Override
	public long count(JobQuery query, long atMost) {
		if (atMost < 1) {
			throw new InvalidJobRequestException("The bound of a count must be at least 1, but was " + atMost);
		}
		return this.store.queries().count(query, atMost);
	}

	@Override
	public JobStats stats() {
		return this.store.queries().stats();
	}

	@Override
	public List<JobExecution> history(JobId id) {
		return this.store.queries().history(id);
	}

	@Override
	public List<JobLogLine> logs(JobId id) {
		return this.store.logs().lines(id);
	}

	@Override
	public boolean pauseQueue(String queue) {
		return this.queues.pause(queue);
	}

	@Override
	public boolean resumeQueue(String queue) {
		return this.queues.resume(queue);
	}

	@Override
	public long drainQueue(String queue) {
		return this.queues.drain(queue);
	}

	@Override
	public long cleanQueue(String queue, JobStatus status, Duration grace, int limit) {
		return this.queues.clean(queue, status, grace, limit);
	}

	@Override
	public List<QueueInfo> queues() {
		return this.queues.queues();
	}

}
