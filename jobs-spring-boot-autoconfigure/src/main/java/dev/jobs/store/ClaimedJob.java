package dev.jobs.store;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;
import dev.jobs.Priority;
import dev.jobs.RetryBackoff;

/**
 * A job that this node has claimed for one attempt. {@code owner} and {@code fence}
 * identify the attempt: every later write of it is conditional on both.
 *
 * @param id the job id
 * @param name the job name
 * @param queue the queue
 * @param priority the priority
 * @param payloadJson the payload as JSON, or {@code null}
 * @param attempt the attempt number counted against the budget, from 1
 * @param maxAttempts the attempt budget
 * @param fence the claim's fencing token, higher with every claim of the job
 * @param owner the node that claimed it
 * @param timeout the timeout of this attempt
 * @param backoff the backoff between attempts
 * @param createdAt when the job was enqueued
 * @param runAt when it was due
 * @param startedAt when this attempt started, by the database's clock
 */
public record ClaimedJob(JobId id, String name, String queue, Priority priority, @Nullable String payloadJson,
		int attempt, int maxAttempts, long fence, String owner, Duration timeout, RetryBackoff backoff,
		Instant createdAt, Instant runAt, Instant startedAt) {

}
