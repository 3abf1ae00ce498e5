package dev.jobs.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import dev.jobs.JobExecution.Outcome;
import dev.jobs.JobId;
import dev.jobs.store.AttemptRecorder;
import dev.jobs.store.AttemptResult;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.FinishedAttempt;
import dev.jobs.store.StoreFailures;

/**
 * Writes the ends of this node's attempts in batches: a thread of its own
 * ({@code jobs-committer}) gathers them, the first end waiting at most the window for
 * others and a batch holding at most the maximum size, and up to {@link #WRITERS} threads
 * ({@code jobs-committer-N}) write batches at once, each batch one transaction of fenced
 * writes. The lifecycle listener hears of an end only once its batch committed; an end
 * whose job the node no longer owns is dropped and reported as fenced.
 *
 * <p>
 * A batch that fails transiently (the connection died, the pool gave none in time, the
 * commit failed, a deadlock) is tried again with backoff for as long as the node holds
 * its lease and runs; once it stops, for up to the retry limit. A batch that the database
 * rejects is split in halves until the end it rejects is alone, so that the other ends
 * are written; that end is recorded without what the database refused (its result or its
 * error text), as a failure saying so. An end that is given up leaves its job running
 * under this node, which hands it back ({@code PollingJobWorker}) since it no longer
 * tracks it.
 */
final class GroupCommitter {

	private static final Log logger = LogFactory.getLog(GroupCommitter.class);

	/**
	 * How many batches are written at once. Their commits share the database's log
	 * flushes, which one writer after the other could not.
	 */
	static final int WRITERS = 3;

	private final AttemptRecorder recorder;

	private final JobLifecycleListener listener;

	private final GroupCommitSettings settings;

	private final Duration retryLimit;

	private final Runnable afterBatch;

	private final LinkedBlockingQueue<AttemptEnd> queue = new LinkedBlockingQueue<>();

	private final AtomicInteger unwritten = new AtomicInteger();

	private final Set<JobId> unwrittenJobs = ConcurrentHashMap.newKeySet();

	private final AtomicLong leaseEpoch = new AtomicLong();

	private volatile boolean running;

	private volatile boolean halted;

	private volatile long stoppingSince;

	private volatile long lastProgressNanos = System.nanoTime();

	private volatile boolean failing;

	private @Nullable Thread thread;

	private @Nullable ExecutorService writers;

	private final Semaphore freeWriters = new Semaphore(WRITERS);

	/**
	 * Create a committer.
	 * @param recorder writes the batches
	 * @param listener hears of the written ends
	 * @param settings batch size and window
	 * @param retryLimit how long a batch is retried once the committer stops
	 * @param afterBatch run after each batch
	 */
	GroupCommitter(AttemptRecorder recorder, JobLifecycleListener listener, GroupCommitSettings settings,
			Duration retryLimit, Runnable afterBatch) {
		this.recorder = recorder;
		this.listener = listener;
		this.settings = settings;
		this.retryLimit = retryLimit;
		this.afterBatch = afterBatch;
	}

	synchronized void start() {
		if (this.running) {
			return;
		}
		this.halted = false;
		this.failing = false;
		this.running = true;
		CustomizableThreadFactory writerThreads = new CustomizableThreadFactory("jobs-committer-");
		writerThreads.setDaemon(true);
		this.writers = Executors.newFixedThreadPool(WRITERS, writerThreads);
		Thread writer = new Thread(this::gatherLoop, "jobs-committer");
		writer.setDaemon(true);
		this.thread = writer;
		writer.start();
	}

	/**
	 * Queue the end of an attempt for the next batch, or write it at once when the
	 * committer is stopped.
	 * @param job the claimed job
	 * @param result how the attempt ended
	 * @param value the handler's return value, for the listener
	 * @param durationMillis how long the attempt ran
	 */
	void submit(ClaimedJob job, AttemptResult result, @Nullable Object value, long durationMillis) {
		if (this.halted) {
			return;
		}
		if (this.unwritten.getAndIncrement() == 0) {
			this.lastProgressNanos = System.nanoTime();
		}
		this.unwrittenJobs.add(job.id());
		this.queue.add(new AttemptEnd(new FinishedAttempt(job, result, durationMillis), value, System.nanoTime()));
		if (!this.running) {
			writeRemaining();
		}
	}

	/**
	 * How many ends are queued or being written.
	 * @return the number of unwritten ends
	 */
	int unwritten() {
		return this.unwritten.get();
	}

	/**
	 * Whether the ends get through to the database: none is waiting, or a batch committed
	 * within the stall and the last try of a batch did not fail. A node whose ends do not
	 * get through may be cut off from the database, and starts no new work.
	 * @param stall how long ends may wait without a batch committing
	 * @return whether the ends keep up
	 */
	boolean keepingUp(Duration stall) {
		if (this.unwritten.get() == 0) {
			return true;
		}
		return !this.failing && System.nanoTime() - this.lastProgressNanos < stall.toNanos();
	}

	/**
	 * The jobs whose attempt's end is queued or being written.
	 * @return their ids, a copy
	 */
	Set<JobId> unwrittenJobs() {
		return Set.copyOf(this.unwrittenJobs);
	}

	/**
	 * Give up the ends being retried and queued: the node lost its lease, so its jobs
	 * were rescued and their writes would be fenced.
	 */
	void leaseLost() {
		this.leaseEpoch.incrementAndGet();
		this.failing = false;
	}

	/**
	 * Write what is queued, then stop.
	 */
	void stop() {
		this.stoppingSince = System.nanoTime();
		this.running = false;
		join();
		awaitWriters(false);
		writeRemaining();
	}

	/**
	 * Stop at once, as a crashed process would: what is queued is never written.
	 */
	void halt() {
		this.halted = true;
		this.running = false;
		Thread writer = this.thread;
		if (writer != null) {
			writer.interrupt();
		}
		join();
		awaitWriters(true);
		this.queue.clear();
		this.unwritten.set(0);
		this.unwrittenJobs.clear();
	}

	private void awaitWriters(boolean interrupt) {
		ExecutorService executor;
		synchronized (this) {
			executor = this.writers;
			this.writers = null;
		}
		if (executor == null) {
			return;
		}
		if (interrupt) {
			executor.shutdownNow();
		}
		else {
			executor.shutdown();
		}
		try {
			executor.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void join() {
		Thread writer;
		synchronized (this) {
			writer = this.thread;
			this.thread = null;
		}
		if (writer != null) {
			try {
				writer.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void writeRemaining() {
		List<AttemptEnd> batch = new ArrayList<>();
		while (!this.halted && this.queue.drainTo(batch, this.settings.maxSize()) > 0) {
			write(batch);
			batch.clear();
		}
	}

	/**
	 * Gather batches and hand them to the writers. While all writers are busy, ends keep
	 * gathering, so batches grow with the load.
	 */
	private void gatherLoop() {
		while (this.running && !this.halted) {
			boolean handedOver = false;
			try {
				this.freeWriters.acquire();
				AttemptEnd first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first != null) {
					List<AttemptEnd> batch = new ArrayList<>(this.settings.maxSize());
					batch.add(first);
					gather(batch, first.submittedNanos() + this.settings.window().toNanos());
					handedOver = handOver(batch);
				}
			}
			catch (InterruptedException ex) {
				// halted, or stopping: the caller of stop() writes what is left
			}
			catch (RuntimeException ex) {
				logger.error("Unexpected failure while gathering the ends of attempts", ex);
			}
			finally {
				if (!handedOver) {
					this.freeWriters.release();
				}
			}
		}
	}

	private boolean handOver(List<AttemptEnd> batch) {
		ExecutorService executor = this.writers;
		if (executor == null) {
			this.queue.addAll(batch);
			return false;
		}
		try {
			executor.execute(() -> {
				try {
					write(batch);
				}
				catch (RuntimeException ex) {
					logger.error("Unexpected failure while writing the ends of attempts", ex);
				}
				finally {
					this.freeWriters.release();
				}
			});
			return true;
		}
		catch (RejectedExecutionException ex) {
			this.queue.addAll(batch);
			return false;
		}
	}

	private void gather(List<AttemptEnd> batch, long deadline) throws InterruptedException {
		this.queue.drainTo(batch, this.settings.maxSize() - batch.size());
		while (batch.size() < this.settings.maxSize() && this.running) {
			long left = deadline - System.nanoTime();
			AttemptEnd next = (left > 0) ? this.queue.poll(left, TimeUnit.NANOSECONDS) : null;
			if (next == null) {
				return;
			}
			batch.add(next);
			this.queue.drainTo(batch, this.settings.maxSize() - batch.size());
		}
	}

	private void write(List<AttemptEnd> batch) {
		try {
			List<FinishedAttempt> attempts = new ArrayList<>(batch.size());
			for (AttemptEnd end : batch) {
				attempts.add(end.attempt());
			}
			Map<JobId, FinishedAttempt> written = new ConcurrentHashMap<>();
			Set<JobId> givenUp = ConcurrentHashMap.newKeySet();
			record(attempts, written, givenUp, this.leaseEpoch.get(), false);
			for (AttemptEnd end : batch) {
				if (!givenUp.contains(end.attempt().id())) {
					report(end, written.get(end.attempt().id()));
				}
			}
		}
		finally {
			for (AttemptEnd end : batch) {
				this.unwrittenJobs.remove(end.attempt().id());
			}
			this.unwritten.addAndGet(-batch.size());
			this.afterBatch.run();
		}
	}

	/**
	 * Record attempts, trying again after transient failures, and splitting them when the
	 * database rejects them.
	 * @param attempts the attempts
	 * @param written collects the attempts written, by job
	 * @param givenUp collects the jobs whose end was given up
	 * @param epoch the lease epoch when the batch was taken
	 * @param substitutes whether the attempts replace ends the database rejected
	 */
	private void record(List<FinishedAttempt> attempts, Map<JobId, FinishedAttempt> written, Set<JobId> givenUp,
			long epoch, boolean substitutes) {
		long pause = 100;
		while (true) {
			try {
				for (FinishedAttempt attempt : this.recorder.recordAll(attempts)) {
					written.put(attempt.id(), attempt);
				}
				this.lastProgressNanos = System.nanoTime();
				this.failing = false;
				return;
			}
			catch (RuntimeException ex) {
				String reason = StoreFailures.transientReason(ex);
				if (reason == null) {
					recordRejected(attempts, ex, written, givenUp, epoch, substitutes);
					return;
				}
				this.failing = true;
				if (!mayRetry(epoch)) {
					logger.error("Gave up recording the ends of " + attempts.size() + " attempt(s) (jobs "
							+ ids(attempts) + "); they stay running until handed back or rescued", ex);
					attempts.forEach((attempt) -> givenUp.add(attempt.id()));
					return;
				}
				this.listener.storeRetried(reason);
				logger.warn("Could not record the ends of " + attempts.size() + " attempt(s), retrying in " + pause
						+ "ms: " + ex.getMessage());
				if (!sleep(pause)) {
					attempts.forEach((attempt) -> givenUp.add(attempt.id()));
					return;
				}
				pause = Math.min(pause * 2, 5000);
			}
		}
	}

	private void recordRejected(List<FinishedAttempt> attempts, RuntimeException rejection,
			Map<JobId, FinishedAttempt> written, Set<JobId> givenUp, long epoch, boolean substitutes) {
		if (attempts.size() > 1) {
			int half = attempts.size() / 2;
			record(attempts.subList(0, half), written, givenUp, epoch, substitutes);
			record(attempts.subList(half, attempts.size()), written, givenUp, epoch, substitutes);
			return;
		}
		FinishedAttempt attempt = attempts.get(0);
		String cause = describe(rejection);
		AttemptResult substitute = substitutes ? null : substitute(attempt.result(), cause);
		if (substitute == null) {
			logger.error("The database rejected the end of attempt " + attempt.job().attempt() + " of job "
					+ attempt.id() + "; it stays running until handed back or rescued", rejection);
			givenUp.add(attempt.id());
			return;
		}
		logger.warn("The database rejected the end of attempt " + attempt.job().attempt() + " of job " + attempt.id()
				+ " (" + attempt.result().outcome() + "): " + cause + "; it is recorded without what was refused");
		record(List.of(new FinishedAttempt(attempt.job(), substitute, attempt.durationMillis())), written, givenUp,
				epoch, true);
	}

	/**
	 * The end to record instead of one the database rejected: the same end without the
	 * handler's result or error text, which is what the database can refuse.
	 */
	private static @Nullable AttemptResult substitute(AttemptResult result, String cause) {
		if (result instanceof AttemptResult.Completed completed) {
			return (completed.resultJson() != null) ? new AttemptResult.Failed(Outcome.FAILED,
					"The attempt completed, but its result could not be stored: " + cause) : null;
		}
		String error = "The error of this attempt could not be stored: " + cause;
		if (result instanceof AttemptResult.Retry retry) {
			return new AttemptResult.Retry(retry.outcome(), error, retry.delay());
		}
		if (result instanceof AttemptResult.Failed failed) {
			return new AttemptResult.Failed(failed.outcome(), error);
		}
		if (result instanceof AttemptResult.Cancelled) {
			return new AttemptResult.Cancelled(error);
		}
		return new AttemptResult.HandedBack(error);
	}

	private static String describe(RuntimeException rejection) {
		String message = NestedExceptionUtils.getMostSpecificCause(rejection).toString();
		int lineEnd = message.indexOf('\n');
		String firstLine = (lineEnd >= 0) ? message.substring(0, lineEnd) : message;
		return (firstLine.length() > 500) ? firstLine.substring(0, 500) + "..." : firstLine;
	}

	private boolean mayRetry(long epoch) {
		if (this.halted || this.leaseEpoch.get() != epoch) {
			return false;
		}
		return this.running || System.nanoTime() - this.stoppingSince < this.retryLimit.toNanos();
	}

	private void report(AttemptEnd end, @Nullable FinishedAttempt written) {
		ClaimedJob job = end.attempt().job();
		try {
			if (written == null) {
				AttemptResult result = end.attempt().result();
				logger.warn("Node " + job.owner() + " no longer owns attempt " + job.attempt() + " of job " + job.id()
						+ "; its " + result.outcome() + " outcome was dropped");
				this.listener.attemptFenced(job);
				return;
			}
			Duration duration = Duration.ofMillis(written.durationMillis());
			AttemptResult result = written.result();
			if (result instanceof AttemptResult.Completed) {
				this.listener.jobCompleted(job, end.value(), duration);
			}
			else if (result instanceof AttemptResult.Retry retry) {
				this.listener.jobRetryScheduled(job, retry.outcome(), retry.error(), retry.delay(), duration);
			}
			else if (result instanceof AttemptResult.Failed failed) {
				this.listener.jobFailed(job, failed.outcome(), failed.error(), duration);
			}
			else if (result instanceof AttemptResult.Cancelled) {
				this.listener.jobCancelled(job.id(), job.name(), job.queue(), duration);
			}
			else {
				this.listener.jobHandedBack(job);
			}
		}
		catch (RuntimeException ex) {
			logger.error("Listener failed on the end of job " + job.id(), ex);
		}
	}

	private static List<JobId> ids(List<FinishedAttempt> attempts) {
		return attempts.stream().map(FinishedAttempt::id).limit(20).toList();
	}

	private static boolean sleep(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private record AttemptEnd(FinishedAttempt attempt, @Nullable Object value, long submittedNanos) {

	}

}
