package dev.jobs.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;

/**
 * Published when an occurrence of a recurring job has been enqueued as a job, with when
 * the recurring job runs next.
 *
 * @param jobId the id of the occurrence's job
 * @param name the recurring job's name
 * @param queue the occurrence job's queue
 * @param occurrence the scheduled time of the occurrence
 * @param nextRunAt when the recurring job runs next, or {@code null} if never again
 * @since 0.1.0
 */
public record RecurringJobScheduledEvent(JobId jobId, String name, String queue, Instant occurrence,
		@Nullable Instant nextRunAt) implements JobEvent {

}
