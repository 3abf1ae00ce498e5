package dev.jobs.engine;

import java.time.Duration;

/**
 * How long finished jobs are kept, and how the cleanup deletes the expired ones.
 *
 * @param retention how long completed and cancelled jobs are kept after they finished
 * @param retentionFailed how long failed jobs are kept after they finished
 * @param cleanupInterval how often the cleanup runs, once across the cluster
 * @param batchSize the most jobs deleted in one transaction
 */
public record HistoryRetention(Duration retention, Duration retentionFailed, Duration cleanupInterval, int batchSize) {

	/**
	 * Create the settings, checking them.
	 * @param retention how long completed and cancelled jobs are kept after they finished
	 * @param retentionFailed how long failed jobs are kept after they finished
	 * @param cleanupInterval how often the cleanup runs, once across the cluster
	 * @param batchSize the most jobs deleted in one transaction
	 */
	public HistoryRetention {
		requirePositive("retention", retention);
		requirePositive("failed retention", retentionFailed);
		requirePositive("cleanup interval", cleanupInterval);
		if (batchSize < 1) {
			throw new IllegalArgumentException("The cleanup batch size must be at least 1, was " + batchSize);
		}
	}

	private static void requirePositive(String what, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("The " + what + " must be more than zero, was " + value);
		}
	}

}
