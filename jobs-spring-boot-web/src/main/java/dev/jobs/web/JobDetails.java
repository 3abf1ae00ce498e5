package dev.jobs.web;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobStatus;
import dev.jobs.Priority;

/**
 * One job as the console shows it: the {@link JobSummary} fields and its timeout, payload
 * and result. The payload and result are the stored JSON values, or {@code "******"} when
 * masked.
 *
 * @param id the job's id
 * @param name its name
 * @param queue its queue
 * @param status its status
 * @param priority its priority
 * @param attempts attempts so far
 * @param maxAttempts its attempt budget
 * @param progress its progress, 0 to 100
 * @param uniqueKey its unique key, or {@code null}
 * @param createdAt when it was enqueued
 * @param runAt when it is, or was, due
 * @param startedAt when its latest attempt started, or {@code null}
 * @param finishedAt when it finished, or {@code null}
 * @param node the node that runs it, or {@code null}
 * @param error its last error message, or {@code null}
 * @param timeout how long one attempt may run
 * @param payload its payload, or {@code null}
 * @param result its result, or {@code null}
 */
record JobDetails(String id, String name, String queue, JobStatus status, Priority priority, int attempts,
		int maxAttempts, int progress, @Nullable String uniqueKey, Instant createdAt, Instant runAt,
		@Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String node, @Nullable String error,
		Duration timeout, @Nullable Object payload, @Nullable Object result) implements ConsoleJson {

}
