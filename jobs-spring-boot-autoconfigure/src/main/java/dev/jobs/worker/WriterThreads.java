package dev.jobs.worker;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The threads ({@code jobs-committer-N}) on which the {@link GroupCommitter} writes its
 * batches, up to {@link #WRITERS} at once, and a count of those free for another batch.
 */
final class WriterThreads {

	private static final Log logger = LogFactory.getLog(GroupCommitter.class);

	/**
	 * How many batches are written at once. Their commits share the database's log
	 * flushes, which one writer after the other could not.
	 */
	static final int WRITERS = 3;

	private final Semaphore free = new Semaphore(WRITERS);

	private @Nullable ExecutorService executor;

	synchronized void start() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("jobs-committer-");
		threads.setDaemon(true);
		this.executor = Executors.newFixedThreadPool(WRITERS, threads);
	}

	/**
	 * Wait until a writer is free, and take it.
	 * @throws InterruptedException if interrupted while waiting
	 */
	void acquire() throws InterruptedException {
		this.free.acquire();
	}

	/**
	 * Give back a writer taken but not handed a batch.
	 */
	void release() {
		this.free.release();
	}

	/**
	 * Write a batch on the writer taken, which is free again once it is written.
	 * @param write writes the batch
	 * @return whether the batch was handed over; if not, the writer is still taken
	 */
	boolean hand(Runnable write) {
		ExecutorService executor = this.executor;
		if (executor == null) {
			return false;
		}
		try {
			executor.execute(() -> {
				try {
					write.run();
				}
				catch (RuntimeException ex) {
					logger.error("Unexpected failure while writing the ends of attempts", ex);
				}
				finally {
					this.free.release();
				}
			});
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	/**
	 * Stop the writers once they wrote the batches handed to them, or at once.
	 * @param interrupt whether to interrupt the batches being written
	 */
	void stop(boolean interrupt) {
		ExecutorService executor;
		synchronized (this) {
			executor = this.executor;
			this.executor = null;
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

}
