package dev.jobs.event;

import java.time.Instant;

import dev.jobs.JobId;
import dev.jobs.Priority;

/**
 * Published once a job has been stored, after the enqueueing transaction commits.
 *
 * @param jobId the job's id
 * @param name the job's name
 * @param queue the job's queue
 * @param priority the job's priority
 * @param runAt when the job is due, or {@code null} when it is due at once
 * @since 0.1.0
 */
public record JobEnqueuedEvent(JobId jobId, String name, String queue, Priority priority,
		@org.jspecify.annotations.Nullable Instant runAt) implements JobEvent {

}
