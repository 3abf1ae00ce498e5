package dev.jobs.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
	 * The longest random pause before a local pickup sample, so that samples do not fall
	 * into step with a poller's period.
	 */
	static final Duration LOCAL_PAUSE = Duration.ofMillis(100);

	/**
	 * A random pause of up to {@code bound} before a pickup sample. Where the job waits
	 * for a poll, the bound is the poll interval: one job at a time, each started right
	 * after a poll, would otherwise be enqueued at the same point of every period and
	 * always wait nearly a whole one.
	 * @param bound the longest pause
	 */
	static void pause(Duration bound) {
		sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(Math.max(1, bound.toMillis()))));
	}

	/**
	 * Take pickup samples, one job at a time: a random pause of up to {@code pause}, an
	 * enqueue, then the time from the enqueue's return to the start of the job, signalled
	 * by {@code started} after {@code lastStart} is set. Stops at the time limit, or when
	 * a job has not started within {@code wait}.
	 * @param samples how many samples to take
	 * @param pause the longest random pause before a sample
	 * @param limit the time limit of the whole run
	 * @param wait how long to wait for one job to start
	 * @param enqueue enqueues one job
	 * @param started released when a job starts
	 * @param lastStart when the last job started ({@link System#nanoTime()})
	 * @return the samples taken, in nanoseconds
	 */
	static long[] pickup(int samples, Duration pause, Duration limit, Duration wait, Runnable enqueue,
			Semaphore started, AtomicLong lastStart) throws InterruptedException {
		long[] latencies = new long[samples];
		started.drainPermits();
		long deadline = System.nanoTime() + limit.toNanos();
		int taken = 0;
		while (taken < samples && System.nanoTime() < deadline) {
			pause(pause);
			long called = System.nanoTime();
			enqueue.run();
			long returned = System.nanoTime();
			long start = awaitStart(called, returned + wait.toNanos(), started, lastStart);
			if (start == Long.MIN_VALUE) {
				break;
			}
			latencies[taken++] = Math.max(0, start - returned);
		}
		return Arrays.copyOf(latencies, taken);
	}

	/**
	 * Wait for a job that started after {@code called}: a start before it is a job of an
	 * earlier sample that came too late, and is passed over.
	 * @return when it started, or {@link Long#MIN_VALUE} if none did by the deadline
	 */
	private static long awaitStart(long called, long deadline, Semaphore started, AtomicLong lastStart)
			throws InterruptedException {
		while (started.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
			long start = lastStart.get();
			if (start - called >= 0) {
				return start;
			}
		}
		return Long.MIN_VALUE;
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
