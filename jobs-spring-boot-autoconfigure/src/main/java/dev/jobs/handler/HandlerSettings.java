package dev.jobs.handler;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.jobs.Priority;

/**
 * The settings a handler declares on its annotation; {@code null} where it leaves the
 * default.
 *
 * @param queue the queue, or {@code null}
 * @param priority the priority, or {@code null}
 * @param maxAttempts the attempt budget, or {@code null}
 * @param timeout the timeout, or {@code null}
 * @param backoffDelay the first backoff delay, or {@code null}
 * @param backoffMultiplier the backoff multiplier, or {@code null}
 * @param backoffMaxDelay the longest backoff delay, or {@code null}
 * @param backoffJitter the backoff jitter, or {@code null}
 * @param nonRetryable exception types that fail the job at once
 */
public record HandlerSettings(@Nullable String queue, @Nullable Priority priority, @Nullable Integer maxAttempts,
		@Nullable Duration timeout, @Nullable Duration backoffDelay, @Nullable Double backoffMultiplier,
		@Nullable Duration backoffMaxDelay, @Nullable Double backoffJitter,
		List<Class<? extends Throwable>> nonRetryable) {

	/**
	 * Settings that leave everything to the defaults.
	 */
	public static final HandlerSettings NONE = new HandlerSettings(null, null, null, null, null, null, null, null,
			List.of());

}
