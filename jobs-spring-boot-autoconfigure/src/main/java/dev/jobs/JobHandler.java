package dev.jobs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as the handler of a named job type.
 *
 * <pre class="code">
 * &#64;Component
 * class Mailer {
 *
 *     &#64;JobHandler(value = "send-email", queue = "mail", maxAttempts = 5, timeout = "30s",
 *                 backoff = &#64;Backoff(delay = "1s", multiplier = 2.0, maxDelay = "10m"))
 *     EmailResult send(EmailRequest payload, JobContext context) { ... }
 *
 * }
 * </pre>
 *
 * The method's parameters may be, in any order, one payload parameter (any JSON-mappable
 * type, bound from the stored JSON) and a {@link JobContext}. Its return value is stored
 * as the job's result. A thrown exception fails the attempt; exceptions that are
 * {@linkplain NonRetryable non-retryable} fail the job at once. Every attribute can be
 * overridden with {@code jobs.handlers.<name>.*}.
 *
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JobHandler {

	/**
	 * The job name this method handles; unique in the application.
	 * @return the job name
	 */
	String value();

	/**
	 * The queue its jobs wait in unless a request names another; empty for
	 * {@code default}.
	 * @return the queue name
	 */
	String queue() default "";

	/**
	 * How many attempts its jobs get; 0 for {@code jobs.defaults.max-attempts}.
	 * @return the attempt budget
	 */
	int maxAttempts() default 0;

	/**
	 * How long one attempt may run, as a duration string; empty for
	 * {@code jobs.defaults.timeout}.
	 * @return the timeout
	 */
	String timeout() default "";

	/**
	 * The backoff between attempts.
	 * @return the backoff
	 */
	Backoff backoff() default @Backoff;

	/**
	 * The priority of its jobs unless a request says otherwise: at most one value
	 * ({@code priority = Priority.HIGH}); none for {@code jobs.defaults.priority}.
	 * @return the priority, or none
	 */
	Priority[] priority() default {};

	/**
	 * Exception types (and their subclasses) that fail the job at once.
	 * @return the non-retryable exception types
	 */
	Class<? extends Throwable>[] nonRetryable() default {};

}
