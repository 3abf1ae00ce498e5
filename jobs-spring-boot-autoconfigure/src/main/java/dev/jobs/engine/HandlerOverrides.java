package dev.jobs.engine;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.jobs.Priority;

/**
 * Configured overrides of one handler's annotation values; {@code null} where the
 * annotation's value stands.
 *
 * @param queue the queue, or {@code null}
 * @param priority the priority, or {@code null}
 * @param maxAttempts the attempt budget, or {@code null}
 * @param timeout the timeout, or {@code null}
 * @param backoffDelay the first backoff delay, or {@code null}
 * @param backoffMultiplier the backoff multiplier, or {@code null}
 * @param backoffMaxDelay the longest backoff delay, or {@code null}
 * @param backoffJitter the backoff jitter, or {@code null}
 * @param nonRetryable more exception types that fail the job at once
 */
public record HandlerOverrides(@Nullable String queue, @Nullable Priority priority, @Nullable Integer maxAttempts,
		@Nullable Duration timeout, @Nullable Duration backoffDelay, @Nullable Double backoffMultiplier,
		@Nullable Duration backoffMaxDelay, @Nullable Double backoffJitter,
		List<Class<? extends Throwable>> nonRetryable) {

	/**
	 * No overrides.
	 */
	public static final HandlerOverrides NONE = new HandlerOverrides(null, null, null, null, null, null, null, null,
			List.of());

}
