package dev.jobs.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobStatus;
import dev.jobs.Priority;

/**
 * A job as the console lists it: everything but its payload and result, the unique key
 * and error masked unless shown.
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
 */
record JobSummary(String id, String name, String queue, JobStatus status, Priority priority, int attempts,
		int maxAttempts, int progress, @Nullable String uniqueKey, Instant createdAt, Instant runAt,
		@Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String node,
		@Nullable String error) implements ConsoleJson {

}
