package dev.jobs.sample;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.Job;
import dev.jobs.JobStatus;

/**
 * A job as {@code GET /jobs/{id}} shows it.
 *
 * @param id the job's id
 * @param name the job's type
 * @param queue the job's queue
 * @param status the job's status
 * @param attempts the attempts made so far
 * @param maxAttempts the attempts allowed
 * @param progress the progress of the running or last attempt, 0 to 100
 * @param uniqueKey the job's unique key, if any
 * @param createdAt when the job was enqueued
 * @param finishedAt when the job finished, if it has
 * @param result the handler's result, once the job has completed
 * @param error the last error's message, if any
 */
public record JobView(String id, String name, String queue, JobStatus status, int attempts, int maxAttempts,
		int progress, @Nullable String uniqueKey, Instant createdAt, @Nullable Instant finishedAt,
		@Nullable Object result, @Nullable String error) {

	static JobView of(Job job) {
		return new JobView(job.id().toString(), job.name(), job.queue(), job.status(), job.attempts(),
				job.maxAttempts(), job.progress(), job.uniqueKey(), job.createdAt(), job.finishedAt(),
				job.result(Object.class), job.error());
	}

}
