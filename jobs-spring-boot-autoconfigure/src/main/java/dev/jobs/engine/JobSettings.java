package dev.jobs.engine;

import java.time.Duration;
import java.util.List;

import dev.jobs.NonRetryable;
import dev.jobs.Priority;
import dev.jobs.RetryBackoff;

/**
 * The resolved settings of a job name: request values aside, what its jobs get.
 *
 * @param queue the queue
 * @param priority the priority
 * @param maxAttempts the attempt budget
 * @param timeout the timeout of one attempt
 * @param backoff the backoff between attempts
 * @param nonRetryable exception types that fail the job at once
 */
public record JobSettings(String queue, Priority priority, int maxAttempts, Duration timeout, RetryBackoff backoff,
		List<Class<? extends Throwable>> nonRetryable) {

	/**
	 * Whether an exception fails the job at once: its type is marked
	 * {@link NonRetryable @NonRetryable} or is one of the configured types.
	 * @param exception what the handler threw
	 * @return whether no further attempt should be made
	 */
	public boolean isNonRetryable(Throwable exception) {
		if (exception.getClass().isAnnotationPresent(NonRetryable.class)) {
			return true;
		}
		for (Class<? extends Throwable> type : this.nonRetryable) {
			if (type.isInstance(exception)) {
				return true;
			}
		}
		return false;
	}

}
