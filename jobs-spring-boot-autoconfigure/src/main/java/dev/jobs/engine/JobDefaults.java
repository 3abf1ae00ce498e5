package dev.jobs.engine;

import java.time.Duration;

import dev.jobs.Priority;
import dev.jobs.RetryBackoff;

/**
 * The settings of a job that neither its request nor its handler sets.
 *
 * @param queue the queue
 * @param priority the priority
 * @param maxAttempts the attempt budget
 * @param timeout the timeout of one attempt
 * @param backoff the backoff between attempts
 */
public record JobDefaults(String queue, Priority priority, int maxAttempts, Duration timeout, RetryBackoff backoff) {

	/**
	 * The name of the queue of jobs that name none.
	 */
	public static final String DEFAULT_QUEUE = "default";

}
