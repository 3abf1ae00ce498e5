package dev.jobs.handler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.jobs.InvalidJobRequestException;
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

	/**
	 * The first backoff value set here that {@link RetryBackoff}'s rules refuse, each
	 * value checked on its own (whether the maximum delay fits the delay is checked once
	 * the backoff is resolved over the defaults).
	 * @return the refused value, or {@code null} if there is none
	 */
	public @Nullable BackoffProblem backoffProblem() {
		BackoffProblem problem = check("delay", this.backoffDelay,
				() -> RetryBackoff.fixed(Objects.requireNonNull(this.backoffDelay)));
		problem = (problem != null) ? problem : check("maxDelay", this.backoffMaxDelay,
				() -> RetryBackoff.fixed(Objects.requireNonNull(this.backoffMaxDelay)));
		problem = (problem != null) ? problem
				: check("multiplier", this.backoffMultiplier, () -> new RetryBackoff(Duration.ZERO,
						Objects.requireNonNull(this.backoffMultiplier), Duration.ZERO, 0));
		return (problem != null) ? problem : check("jitter", this.backoffJitter,
				() -> new RetryBackoff(Duration.ZERO, 1, Duration.ZERO, Objects.requireNonNull(this.backoffJitter)));
	}

	private static @Nullable BackoffProblem check(String attribute, @Nullable Object value, Runnable rule) {
		if (value == null) {
			return null;
		}
		try {
			rule.run();
			return null;
		}
		catch (InvalidJobRequestException ex) {
			return new BackoffProblem(attribute, value, ex.getMessage());
		}
	}

	private static <T> @Nullable T first(@Nullable T value, @Nullable T fallback) {
		return (value != null) ? value : fallback;
	}

	/**
	 * A backoff value that the rules refuse.
	 *
	 * @param attribute the value's name, as the annotation {@code @Backoff} names it
	 * ({@code delay}, {@code maxDelay}, {@code multiplier}, {@code jitter})
	 * @param value the value
	 * @param reason why it is refused
	 */
	public record BackoffProblem(String attribute, Object value, String reason) {

	}

}
