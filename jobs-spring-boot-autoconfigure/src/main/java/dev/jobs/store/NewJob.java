package dev.jobs.store;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;
import dev.jobs.Priority;
import dev.jobs.RetryBackoff;

/**
 * A validated job, with every setting resolved, ready to be stored.
 *
 * @param id the new job's id
 * @param name the job name
 * @param queue the queue
 * @param priority the priority
 * @param payloadJson the payload as JSON, or {@code null}
 * @param uniqueKey the unique key, or {@code null}
 * @param runAt an absolute due time, or {@code null} to use {@code delay}
 * @param delay the delay from the database's current time, used when {@code runAt} is
 * {@code null}
 * @param maxAttempts the attempt budget
 * @param timeout the timeout of one attempt
 * @param backoff the backoff between attempts
 */
public record NewJob(JobId id, String name, String queue, Priority priority, @Nullable String payloadJson,
		@Nullable String uniqueKey, @Nullable Instant runAt, Duration delay, int maxAttempts, Duration timeout,
		RetryBackoff backoff) {

	/**
	 * Whether the job is due at once rather than later.
	 * @param now the current time
	 * @return whether it is due at {@code now}
	 */
	public boolean isDueAt(Instant now) {
		return (this.runAt != null) ? !this.runAt.isAfter(now) : (this.delay.isZero() || this.delay.isNegative());
	}

}
