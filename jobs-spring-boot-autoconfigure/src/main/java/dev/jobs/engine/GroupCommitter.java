package dev.jobs.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import dev.jobs.JobId;
import dev.jobs.store.AttemptRecorder;
import dev.jobs.store.AttemptResult;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.FinishedAttempt;

/**
 * Writes the ends of this node's attempts in batches: a thread of its own
 * ({@code jobs-committer}) gathers them, the first end waiting at most the window for
 * others and a batch holding at most the maximum size, and up to {@link #WRITERS} threads
 * ({@code jobs-committer-N}) write batches at once, each batch one transaction of fenced
 * writes. The lifecycle listener hears of an end only once its batch committed; an end
 * whose job the node no longer owns is dropped and reported as fenced. While the database
 * is unreachable a batch is retried with backoff for up to the retry limit; after that
 * its jobs stay running until another node rescues them, as they would after a crash.
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

	private volatile boolean running;

	private volatile boolean halted;

	private @Nullable Thread thread;

	private @Nullable ExecutorService writers;

	private final Semaphore freeWriters = new Semaphore(WRITERS);

	/**
	 * Create a committer.
	 * @param recorder writes the batches
	 * @param listener hears of the written ends
	 * @param settings batch size and window
	 * @param retryLimit how long a batch is retried while the database is unreachable
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
		this.unwritten.incrementAndGet();
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
	 * Write what is queued, then stop.
	 */
	void stop() {
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
		List<FinishedAttempt> attempts = new ArrayList<>(batch.size());
		for (AttemptEnd end : batch) {
			attempts.add(end.attempt());
		}
		List<FinishedAttempt> written = recordWithRetry(attempts);
		this.unwritten.addAndGet(-batch.size());
		if (written != null) {
			// the recorder may have recorded an attempt otherwise (a cancellation), under
			// the same job
			Map<JobId, FinishedAttempt> writtenById = new HashMap<>(written.size() * 2);
			written.forEach((attempt) -> writtenById.put(attempt.id(), attempt));
			for (AttemptEnd end : batch) {
				report(end, writtenById.get(end.attempt().id()));
			}
		}
		this.afterBatch.run();
	}

	private @Nullable List<FinishedAttempt> recordWithRetry(List<FinishedAttempt> attempts) {
		long deadline = System.nanoTime() + this.retryLimit.toNanos();
		long pause = 100;
		while (true) {
			try {
				return this.recorder.recordAll(attempts);
			}
			catch (DataAccessException ex) {
				if (System.nanoTime() > deadline || !this.running || this.halted) {
					logger.error("Could not record the ends of " + attempts.size() + " attempt(s) (jobs "
							+ ids(attempts) + "); they stay running until another node rescues them", ex);
					return null;
				}
				logger.warn("Could not record the ends of " + attempts.size() + " attempt(s), retrying in " + pause
						+ "ms: " + ex.getMessage());
				if (!sleep(pause)) {
					return null;
				}
				pause = Math.min(pause * 2, 5000);
			}
		}
	}

	private void report(AttemptEnd end, @Nullable FinishedAttempt written) {
		ClaimedJob job = end.attempt().job();
		AttemptResult result = (written != null) ? written.result() : end.attempt().result();
		try {
			if (written == null) {
				logger.warn("Node " + job.owner() + " no longer owns attempt " + job.attempt() + " of job " + job.id()
						+ "; its " + result.outcome() + " outcome was dropped");
				this.listener.attemptFenced(job);
				return;
			}
			Duration duration = Duration.ofMillis(end.attempt().durationMillis());
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
