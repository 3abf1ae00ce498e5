package dev.jobs.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.JobNames;
import dev.jobs.JobStats;
import dev.jobs.JobStatus;
import dev.jobs.QueueInfo;
import dev.jobs.store.JobStore;
import dev.jobs.store.QueueStore.DrainedJob;

/**
 * The cluster-wide queue control of {@link DefaultJobs}: pause, resume, drain, clean and
 * the description of every queue. Drains and cleans work in batches of their own
 * transactions, so that a queue of a million jobs holds no long lock.
 */
final class QueueOperations {

	static final int BATCH_SIZE = 500;

	private static final Duration RATE_WINDOW = Duration.ofMinutes(5);

	private final JobStore store;

	private final JobLifecycleListener listener;

	private final Supplier<WorkerSignals> worker;

	private final Map<String, QueueSettings> localQueues;

	QueueOperations(JobStore store, JobLifecycleListener listener, Supplier<WorkerSignals> worker,
			Map<String, QueueSettings> localQueues) {
		this.store = store;
		this.listener = listener;
		this.worker = worker;
		this.localQueues = localQueues;
	}

	boolean pause(String queue) {
		boolean paused = this.store.queues().pause(JobNames.checkQueueName(queue));
		this.worker.get().controlsChanged();
		return paused;
	}

	boolean resume(String queue) {
		boolean resumed = this.store.queues().resume(JobNames.checkQueueName(queue));
		this.worker.get().controlsChanged();
		return resumed;
	}

	long drain(String queue) {
		JobNames.checkQueueName(queue);
		long drained = 0;
		List<DrainedJob> batch;
		do {
			batch = this.store.queues().drain(queue, BATCH_SIZE);
			for (DrainedJob job : batch) {
				this.listener.jobCancelled(job.id(), job.name(), queue, null);
			}
			drained += batch.size();
		}
		while (batch.size() == BATCH_SIZE);
		return drained;
	}

	long clean(String queue, JobStatus status, Duration grace, int limit) {
		JobNames.checkQueueName(queue);
		if (status == null || !status.isFinished()) {
			throw new InvalidJobRequestException("Only finished jobs can be cleaned: status must be COMPLETED, FAILED"
					+ " or CANCELLED, not " + status);
		}
		if (grace == null || grace.isNegative()) {
			throw new InvalidJobRequestException("The grace of a clean must not be negative, but was " + grace);
		}
		if (limit < 1) {
			throw new InvalidJobRequestException("The limit of a clean must be at least 1, but was " + limit);
		}
		long deleted = 0;
		while (deleted < limit) {
			int size = (int) Math.min(BATCH_SIZE, limit - deleted);
			int batch = this.store.history().deleteFinished(queue, status, grace, size);
			deleted += batch;
			if (batch < size) {
				break;
			}
		}
		return deleted;
	}

	List<QueueInfo> queues() {
		JobStats stats = this.store.queries().stats();
		Set<String> paused = this.store.queues().paused();
		Map<String, Long> completed = this.store.queues().completedWithin(RATE_WINDOW);
		Set<String> names = new TreeSet<>(stats.queues());
		names.addAll(paused);
		names.addAll(this.localQueues.keySet());
		List<QueueInfo> queues = new ArrayList<>(names.size());
		for (String name : names) {
			QueueSettings local = this.localQueues.get(name);
			queues.add(new QueueInfo(name, stats.queue(name).counts(), paused.contains(name),
					local != null && local.paused(), (local != null) ? local.concurrency() : null,
					completed.getOrDefault(name, 0L) / (double) RATE_WINDOW.toMinutes()));
		}
		return queues;
	}

}
