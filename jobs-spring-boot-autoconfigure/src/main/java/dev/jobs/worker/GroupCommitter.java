package dev.jobs.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;
import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.store.AttemptRecorder;
import dev.jobs.store.AttemptResult;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.FinishedAttempt;
import dev.jobs.worker.UnwrittenEnds.End;

/**
 * Writes the ends of this node's attempts in batches: a thread of its own
 * ({@code jobs-committer}) gathers them, the first end waiting at most the window for
 * others and a batch holding at most the maximum size, and up to
 * {@link WriterThreads#WRITERS} threads ({@code jobs-committer-N}) write batches at once,
 * each batch one transaction of fenced writes. The lifecycle listener hears of an end
 * only once its batch committed; an end whose job the node no longer owns is dropped and
 * reported as fenced.
 *
 * <p>
 * A batch that fails transiently (the connection died, the pool gave none in time, the
 * commit failed, a deadlock) is tried again for as long as the node holds its lease and
 * runs; once it stops, for up to the retry limit; an end the database rejects is recorded
 * without what it refused ({@link BatchWriter}). An end that is given up leaves its job
 * running under this node, which hands it back ({@code PollingJobWorker}) since it no
 * longer tracks it.
 */
final class GroupCommitter {

	private static final Log logger = LogFactory.getLog(GroupCommitter.class);

	private final GroupCommitSettings settings;

	private final Duration retryLimit;

	private final Runnable afterBatch;

	private volatile boolean running;

	private volatile boolean halted;

	private volatile long stoppingSince;

	private @Nullable Thread thread;

	private final WriterThreads writers = new WriterThreads();

	private final CommitProgress progress = new CommitProgress();

	private final UnwrittenEnds unwritten = new UnwrittenEnds(this.progress);

	private final BatchWriter batchWriter;

	private final EndReporter reporter;

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
		this.settings = settings;
		this.retryLimit = retryLimit;
		this.afterBatch = afterBatch;
		this.batchWriter = new BatchWriter(recorder, listener, this.progress, this::retrying);
		this.reporter = new EndReporter(listener);
	}

	synchronized void start() {
		if (this.running) {
			return;
		}
		this.halted = false;
		this.progress.reset();
		this.running = true;
		this.writers.start();
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
		this.unwritten.add(new End(new FinishedAttempt(job, result, durationMillis), value, System.nanoTime()));
		if (!this.running) {
			writeRemaining();
		}
	}

	/**
	 * How many ends are queued or being written.
	 * @return the number of unwritten ends
	 */
	int unwritten() {
		return this.unwritten.count();
	}

	/**
	 * Whether the ends get through to the database: none is waiting, or a batch committed
	 * within the stall and the last try of a batch did not fail. A node whose ends do not
	 * get through may be cut off from the database, and starts no new work.
	 * @param stall how long ends may wait without a batch committing
	 * @return whether the ends keep up
	 */
	boolean keepingUp(Duration stall) {
		if (this.unwritten.count() == 0) {
			return true;
		}
		return this.progress.keepingUp(stall);
	}

	/**
	 * The jobs whose attempt's end is queued or being written.
	 * @return their ids, a copy
	 */
	Set<JobId> unwrittenJobs() {
		return this.unwritten.jobs();
	}

	/**
	 * Give up the ends being retried and queued: the node lost its lease, so its jobs
	 * were rescued and their writes would be fenced.
	 */
	void leaseLost() {
		this.batchWriter.leaseLost();
		this.progress.reset();
	}

	/**
	 * Write what is queued, then stop.
	 */
	void stop() {
		this.stoppingSince = System.nanoTime();
		this.running = false;
		join();
		this.writers.stop(false);
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
		this.writers.stop(true);
		this.unwritten.clear();
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
		List<End> batch = new ArrayList<>();
		while (!this.halted && this.unwritten.drainTo(batch, this.settings.maxSize()) > 0) {
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
				this.writers.acquire();
				End first = this.unwritten.poll(100, TimeUnit.MILLISECONDS);
				if (first != null) {
					List<End> batch = new ArrayList<>(this.settings.maxSize());
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
					this.writers.release();
				}
			}
		}
	}

	private boolean handOver(List<End> batch) {
		if (this.writers.hand(() -> write(batch))) {
			return true;
		}
		this.unwritten.requeue(batch);
		return false;
	}

	private void gather(List<End> batch, long deadline) throws InterruptedException {
		this.unwritten.drainTo(batch, this.settings.maxSize() - batch.size());
		while (batch.size() < this.settings.maxSize() && this.running) {
			long left = deadline - System.nanoTime();
			End next = (left > 0) ? this.unwritten.poll(left, TimeUnit.NANOSECONDS) : null;
			if (next == null) {
				return;
			}
			batch.add(next);
			this.unwritten.drainTo(batch, this.settings.maxSize() - batch.size());
		}
	}

	private void write(List<End> batch) {
		try {
			List<FinishedAttempt> attempts = new ArrayList<>(batch.size());
			for (End end : batch) {
				attempts.add(end.attempt());
			}
			BatchWriter.Written written = this.batchWriter.write(attempts);
			for (End end : batch) {
				if (!written.givenUp().contains(end.attempt().id())) {
					this.reporter.report(end.attempt(), end.value(), written.attempts().get(end.attempt().id()));
				}
			}
		}
		finally {
			this.unwritten.written(batch);
			this.afterBatch.run();
		}
	}

	/**
	 * Whether a batch that failed transiently may be tried again: the committer runs, or
	 * stopped less than the retry limit ago, and was not halted.
	 */
	private boolean retrying() {
		if (this.halted) {
			return false;
		}
		return this.running || System.nanoTime() - this.stoppingSince < this.retryLimit.toNanos();
	}

}
