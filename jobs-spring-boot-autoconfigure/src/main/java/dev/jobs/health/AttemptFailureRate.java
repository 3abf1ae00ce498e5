package dev.jobs.health;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobExecution.Outcome;
import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.store.ClaimedJob;

/**
 * Counts the attempts this node finished over a sliding window, in memory: failed
 * attempts (failed or timed out, retried or not) against all finished ones (completed,
 * failed, timed out). Cancelled attempts are left out. The window is split into 60
 * buckets, so the counts move in steps of a sixtieth of the window.
 */
public class AttemptFailureRate implements JobLifecycleListener {

	private static final int BUCKETS = 60;

	private final long bucketNanos;

	private final long[] bucketIds = new long[BUCKETS];

	private final long[] finished = new long[BUCKETS];

	private final long[] failed = new long[BUCKETS];

	private final Duration window;

	/**
	 * Create the counter.
	 * @param window how far back attempts count
	 */
	public AttemptFailureRate(Duration window) {
		this.window = window;
		this.bucketNanos = Math.max(1, window.toNanos() / BUCKETS);
	}

	@Override
	public void jobCompleted(ClaimedJob job, @Nullable Object result, Duration duration) {
		record(false);
	}

	@Override
	public void jobRetryScheduled(ClaimedJob job, Outcome outcome, String error, Duration delay, Duration duration) {
		record(true);
	}

	@Override
	public void jobFailed(ClaimedJob job, Outcome outcome, String error, Duration duration) {
		record(true);
	}

	private synchronized void record(boolean failure) {
		long id = System.nanoTime() / this.bucketNanos;
		int index = (int) Math.floorMod(id, BUCKETS);
		if (this.bucketIds[index] != id) {
			this.bucketIds[index] = id;
			this.finished[index] = 0;
			this.failed[index] = 0;
		}
		this.finished[index]++;
		if (failure) {
			this.failed[index]++;
		}
	}

	/**
	 * The counts of the window that ends now.
	 * @return the counts
	 */
	public synchronized Counts counts() {
		long current = System.nanoTime() / this.bucketNanos;
		long finishedSum = 0;
		long failedSum = 0;
		for (int i = 0; i < BUCKETS; i++) {
			if (current - this.bucketIds[i] < BUCKETS && this.finished[i] > 0) {
				finishedSum += this.finished[i];
				failedSum += this.failed[i];
			}
		}
		return new Counts(finishedSum, failedSum);
	}

	/**
	 * The window.
	 * @return how far back attempts count
	 */
	public Duration window() {
		return this.window;
	}

	/**
	 * Finished and failed attempts of a window.
	 *
	 * @param finished the finished attempts
	 * @param failed the failed ones among them
	 */
	public record Counts(long finished, long failed) {

		/**
		 * The share of failed attempts.
		 * @return between 0 and 1; 0 when none finished
		 */
		public double rate() {
			return (this.finished > 0) ? (double) this.failed / this.finished : 0.0;
		}

	}

}
