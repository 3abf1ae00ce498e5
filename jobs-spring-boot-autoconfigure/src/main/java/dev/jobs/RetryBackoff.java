package dev.jobs;

import java.time.Duration;

/**
 * Exponential backoff between the attempts of a job: the first retry waits {@code delay},
 * each further one {@code multiplier} times longer, never more than {@code maxDelay},
 * each wait spread at random by up to {@code jitter} (a fraction) either way.
 *
 * @param delay the wait before the first retry
 * @param multiplier how much longer each further wait is, at least 1
 * @param maxDelay the longest wait
 * @param jitter the random spread, from 0 to 1
 * @since 0.1.0
 */
public record RetryBackoff(Duration delay, double multiplier, Duration maxDelay, double jitter) {

	/**
	 * Create a backoff, checking its values.
	 * @param delay the wait before the first retry
	 * @param multiplier how much longer each further wait is, at least 1
	 * @param maxDelay the longest wait
	 * @param jitter the random spread, from 0 to 1
	 * @throws InvalidJobRequestException if a value is out of range
	 */
	public RetryBackoff {
		if (delay == null || delay.isNegative()) {
			throw new InvalidJobRequestException("Backoff delay must not be negative, was " + delay);
		}
		if (maxDelay == null || maxDelay.compareTo(delay) < 0) {
			throw new InvalidJobRequestException(
					"Backoff max delay " + maxDelay + " must not be shorter than its delay " + delay);
		}
		if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
			throw new InvalidJobRequestException("Backoff multiplier must be at least 1, was " + multiplier);
		}
		if (!(jitter >= 0.0 && jitter <= 1.0)) {
			throw new InvalidJobRequestException("Backoff jitter must be between 0 and 1, was " + jitter);
		}
	}

	/**
	 * The same wait before every retry, without jitter.
	 * @param delay the wait
	 * @return the backoff
	 */
	public static RetryBackoff fixed(Duration delay) {
		return new RetryBackoff(delay, 1.0, delay, 0.0);
	}

}
