package dev.jobs.event;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;

/**
 * Published when a job has completed and that is recorded.
 *
 * @param jobId the job's id
 * @param name the job's name
 * @param queue the job's queue
 * @param attempt the attempt that completed
 * @param result the handler's return value, or {@code null}
 * @param duration how long the attempt took
 * @since 0.1.0
 */
public record JobCompletedEvent(JobId jobId, String name, String queue, int attempt, @Nullable Object result,
		Duration duration) implements JobEvent {

}
