package dev.jobs.benchmarks;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The job JobRunr runs: a public static method that does nothing, as JobRunr needs a
 * method it can find again by name when it runs the job.
 */
public final class JobRunrNoop {

	static final AtomicLong LAST_START = new AtomicLong();

	static final Semaphore STARTED = new Semaphore(0);

	private JobRunrNoop() {
	}

	/**
	 * Notes when it started, for the pickup runs, which run in the same JVM.
	 */
	public static void pickup() {
		LAST_START.set(System.nanoTime());
		STARTED.release();
	}

	/**
	 * Does nothing.
	 */
	public static void run() {
	}

	/**
	 * Does nothing with the item of a stream enqueue.
	 * @param item the item
	 */
	public static void run(Integer item) {
	}

}
