package dev.jobs.worker;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import dev.jobs.store.ClaimedJob;
import dev.jobs.support.BackgroundThreads;

/**
 * Stores the lines of one worker's open {@link AttemptLog attempt logs} while their
 * handlers run, so that they can be read, and survive a crash, before the attempt ends: a
 * daemon thread, {@code jobs-log-writer}, writes each open log's new lines every
 * {@link #FLUSH_INTERVAL}. The thread exists only while attempt logs are open: it ends a
 * second after the last one closed, and the next one opened starts a new one.
 */
final class AttemptLogWriter {

	/**
	 * How often the new lines of the open attempt logs are stored.
	 */
	static final Duration FLUSH_INTERVAL = Duration.ofMillis(200);

	private static final String THREAD_NAME = "jobs-log-writer";

	private final Set<AttemptLog> open = ConcurrentHashMap.newKeySet();

	private @Nullable ScheduledThreadPoolExecutor executor;

	private @Nullable ScheduledFuture<?> flushing;

	/**
	 * Open the log of an attempt whose handler is about to run, and store its lines until
	 * it is {@link #close(AttemptLog) closed}.
	 * @param logs where and how many
	 * @param job the attempt's job
	 * @return the attempt's log
	 */
	AttemptLog open(JobLogs logs, ClaimedJob job) {
		AttemptLog log = logs.open(job);
		if (log.keepsLines()) {
			this.open.add(log);
			startFlushing();
		}
		return log;
	}

	/**
	 * Close the log of an attempt whose handler has returned, storing its remaining lines
	 * on the calling thread.
	 * @param log the attempt's log
	 */
	void close(AttemptLog log) {
		if (this.open.remove(log)) {
			stopFlushingIfIdle();
		}
		log.finish();
	}

	/**
	 * Stop storing lines in the background; a write under way completes. The logs still
	 * open store their lines when they are closed. Logs opened later start a new thread.
	 */
	synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdown();
			this.executor = null;
			this.flushing = null;
		}
	}

	private synchronized void startFlushing() {
		if (this.flushing != null) {
			return;
		}
		if (this.executor == null) {
			this.executor = newExecutor();
		}
		long interval = FLUSH_INTERVAL.toMillis();
		this.flushing = this.executor.scheduleWithFixedDelay(this::flushAll, interval, interval, TimeUnit.MILLISECONDS);
	}

	private synchronized void stopFlushingIfIdle() {
		if (this.open.isEmpty() && this.flushing != null) {
			this.flushing.cancel(false);
			this.flushing = null;
		}
	}

	private void flushAll() {
		for (AttemptLog log : this.open) {
			log.flush();
		}
	}

	private static ScheduledThreadPoolExecutor newExecutor() {
		return BackgroundThreads.onDemandNamed(THREAD_NAME);
	}

}
