package dev.jobs.worker;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import dev.jobs.RetryBackoff;

/**
 * Computes the wait before the next attempt: {@code delay * multiplier^(attempt - 1)},
 * capped at {@code maxDelay}, then spread at random by up to {@code jitter} either way,
 * and never beyond {@code maxDelay}.
 */
final class BackoffCalculator {

	private BackoffCalculator() {
	}

	static Duration delay(RetryBackoff backoff, int failedAttempt) {
		double base = backoff.delay().toMillis() * Math.pow(backoff.multiplier(), Math.max(0, failedAttempt - 1));
		double max = backoff.maxDelay().toMillis();
		double capped = Math.min(base, max);
		double spread = (backoff.jitter() > 0)
				? capped * backoff.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1) : 0;
		long millis = (long) Math.max(0, Math.min(max, capped + spread));
		return Duration.ofMillis(millis);
	}

}
