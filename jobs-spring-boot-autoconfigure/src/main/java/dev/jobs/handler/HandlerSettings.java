package dev.jobs.handler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.jobs.Priority;
import dev.jobs.RetryBackoff;

/**
 * The settings of a job name that its handler declares on its annotation or that
 * configuration ({@code jobs.handlers.<name>.*}) sets; {@code null} where it leaves the
 * value to what comes next ({@link #orElse}), and in the end to the defaults.
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

	/**
	 * These settings, with the other's values where these leave one unset; the
	 * non-retryable types of both.
	 * @param other the settings that come next
	 * @return the settings combined
	 */
	public HandlerSettings orElse(HandlerSettings other) {
		List<Class<? extends Throwable>> types = new ArrayList<>(other.nonRetryable());
		types.addAll(this.nonRetryable);
		return new HandlerSettings(first(this.queue, other.queue), first(this.priority, other.priority),
				first(this.maxAttempts, other.maxAttempts), first(this.timeout, other.timeout),
				first(this.backoffDelay, other.backoffDelay), first(this.backoffMultiplier, other.backoffMultiplier),
				first(this.backoffMaxDelay, other.backoffMaxDelay), first(this.backoffJitter, other.backoffJitter),
				List.copyOf(types));
	}

	/**
	 * The backoff these settings give over a default one, value by value.
	 * @param fallback the default backoff
	 * @return the backoff
	 */
	public RetryBackoff backoffOver(RetryBackoff fallback) {
		return new RetryBackoff(first(this.backoffDelay, fallback.delay()),
				first(this.backoffMultiplier, fallback.multiplier()), first(this.backoffMaxDelay, fallback.maxDelay()),
				first(this.backoffJitter, fallback.jitter()));
	}

	private static <T> @Nullable T first(@Nullable T value, @Nullable T fallback) {
		return (value != null) ? value : fallback;
	}

}
