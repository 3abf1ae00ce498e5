package dev.jobs.worker;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The threads that handlers run on ({@code jobs-worker-N}): a pool of platform threads,
 * which grows past the concurrency only while threads that ignored an interrupt are still
 * stuck in handlers, or a new virtual thread per attempt.
 */
final class WorkerThreads {

	private final Executor executor;

	private volatile boolean shutdown;

	private WorkerThreads(Executor executor) {
		this.executor = executor;
	}

	static WorkerThreads platform(int concurrency) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("jobs-worker-");
		threads.setDaemon(true);
		return new WorkerThreads(new ThreadPoolExecutor(concurrency, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
				new SynchronousQueue<>(), threads));
	}

	static WorkerThreads virtual() {
		return new WorkerThreads(new VirtualThreadTaskExecutor("jobs-worker-"));
	}

	void execute(Runnable task) {
		if (this.shutdown) {
			throw new RejectedExecutionException("worker stopped");
		}
		this.executor.execute(task);
	}

	/**
	 * Accept no more work and interrupt pooled threads; attempts still running were
	 * already told to stop by the worker.
	 */
	void shutdownNow() {
		this.shutdown = true;
		if (this.executor instanceof ThreadPoolExecutor pool) {
			pool.shutdownNow();
		}
	}

}
