package dev.jobs.worker;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;
import dev.jobs.store.FinishedAttempt;

/**
 * The ends of attempts that the {@link GroupCommitter} has not written yet: those queued
 * for a batch and those being written, counted and known by job. The first of them to
 * come while none was unwritten starts the stall the {@link CommitProgress} counts.
 */
final class UnwrittenEnds {

	private final CommitProgress progress;

	private final LinkedBlockingQueue<End> queue = new LinkedBlockingQueue<>();

	private final AtomicInteger count = new AtomicInteger();

	private final Set<JobId> jobs = ConcurrentHashMap.newKeySet();

	UnwrittenEnds(CommitProgress progress) {
		this.progress = progress;
	}

	void add(End end) {
		if (this.count.getAndIncrement() == 0) {
			this.progress.waiting();
		}
		this.jobs.add(end.attempt().id());
		this.queue.add(end);
	}

	@Nullable End poll(long timeout, TimeUnit unit) throws InterruptedException {
		return this.queue.poll(timeout, unit);
	}

	int drainTo(Collection<End> batch, int max) {
		return this.queue.drainTo(batch, max);
	}

	/**
	 * Queue again the ends of a batch that could not be handed to a writer.
	 * @param batch the ends
	 */
	void requeue(Collection<End> batch) {
		this.queue.addAll(batch);
	}

	/**
	 * The ends of a batch were written, or given up.
	 * @param batch the ends
	 */
	void written(List<End> batch) {
		for (End end : batch) {
			this.jobs.remove(end.attempt().id());
		}
		this.count.addAndGet(-batch.size());
	}

	/**
	 * Forget every end, as a halted committer never writes them.
	 */
	void clear() {
		this.queue.clear();
		this.count.set(0);
		this.jobs.clear();
	}

	int count() {
		return this.count.get();
	}

	Set<JobId> jobs() {
		return Set.copyOf(this.jobs);
	}

	/**
	 * The end of an attempt, with the handler's return value for the listener and when it
	 * was submitted.
	 */
	record End(FinishedAttempt attempt, @Nullable Object value, long submittedNanos) {

	}

}
