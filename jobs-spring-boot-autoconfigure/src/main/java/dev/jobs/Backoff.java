package dev.jobs;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exponential backoff between attempts, as an attribute of {@link JobHandler}. Each value
 * left at its default takes {@code jobs.defaults.backoff.*}.
 *
 * <pre class="code">
 * &#64;JobHandler(value = "send-email", backoff = &#64;Backoff(delay = "1s", multiplier = 2.0, maxDelay = "10m", jitter = 0.2))
 * </pre>
 *
 * @since 0.1.0
 * @see RetryBackoff
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Backoff {

	/**
	 * The wait before the first retry, as a duration string ({@code 500ms}, {@code 1s},
	 * {@code PT1M}); empty for the default.
	 * @return the delay
	 */
	String delay() default "";

	/**
	 * How much longer each further wait is; a negative value for the default.
	 * @return the multiplier
	 */
	double multiplier() default -1;

	/**
	 * The longest wait, as a duration string; empty for the default.
	 * @return the maximum delay
	 */
	String maxDelay() default "";

	/**
	 * The random spread of each wait, a fraction from 0 to 1; a negative value for the
	 * default.
	 * @return the jitter
	 */
	double jitter() default -1;

}
