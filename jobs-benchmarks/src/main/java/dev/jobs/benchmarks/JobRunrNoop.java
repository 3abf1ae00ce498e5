package dev.jobs.benchmarks;

/**
 * The job JobRunr runs: a public static method that does nothing, as JobRunr needs a
 * method it can find again by name when it runs the job.
 */
public final class JobRunrNoop {

	private JobRunrNoop() {
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
