package dev.jobs.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Waiting for a count to reach its target within a time limit, and percentiles.
 */
final class Timing {

	/**
	 * How long to wait between two counts of a peer's finished jobs: rare enough that the
	 * counting query costs the database little, often enough to miss the end by at most
	 * 1% of a 10-second run.
	 */
	static final Duration COUNT_PAUSE = Duration.ofMillis(100);

	private Timing() {
	}

	/**
	 * Wait until {@code done} reaches {@code target} or the time limit passes.
	 * @param start when the run started ({@link System#nanoTime()})
	 * @param target the count that ends the run
	 * @param done how many are done so far; may query the database
	 * @param limit the time limit, counted from {@code start}
	 * @param pause how long to wait between two looks
	 * @return the run
	 */
	static Run await(long start, long target, LongSupplier done, Duration limit, Duration pause) {
		long deadline = start + limit.toNanos();
		while (true) {
			long count = done.getAsLong();
			long now = System.nanoTime();
			if (count >= target) {
				return new Run(target, now - start, false);
			}
			if (now > deadline) {
				return new Run(count, now - start, true);
			}
			sleep(pause);
		}
	}

	/**
	 * A random pause of up to 100 ms before a pickup sample, so that samples do not fall
	 * into step with a poller's period.
	 */
	static void pause() {
		sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(100)));
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The percentile of the samples, in milliseconds, nearest-rank.
	 * @param nanos the samples in nanoseconds
	 * @param percentile 50, 95, 99
	 * @return the percentile in milliseconds
	 */
	static double percentileMillis(long[] nanos, double percentile) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
	}

}
