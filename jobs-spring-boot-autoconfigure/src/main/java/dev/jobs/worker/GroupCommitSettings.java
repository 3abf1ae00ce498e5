package dev.jobs.worker;

import java.time.Duration;

/**
 * How a worker writes the ends of attempts: in batches of at most {@code maxSize}, each
 * one transaction, gathered for at most {@code window} after the first.
 *
 * @param maxSize the most attempt ends in one batch
 * @param window how long the first end of a batch waits for others
 */
public record GroupCommitSettings(int maxSize, Duration window) {

	/**
	 * Create settings, checking them.
	 * @param maxSize the most attempt ends in one batch
	 * @param window how long the first end of a batch waits for others
	 */
	public GroupCommitSettings {
		if (maxSize < 1) {
			throw new IllegalArgumentException("Group commit max-size must be at least 1, was " + maxSize);
		}
		if (window.isNegative()) {
			throw new IllegalArgumentException("Group commit window must not be negative, was " + window);
		}
	}

}
