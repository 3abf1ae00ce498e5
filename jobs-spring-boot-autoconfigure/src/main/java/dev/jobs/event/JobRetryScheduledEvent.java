package dev.jobs.event;

import java.time.Instant;

import dev.jobs.JobId;

/**
 * Published when an attempt failed and the job will be tried again after its backoff.
 *
 * @param jobId the job's id
 * @param name the job's name
 * @param queue the job's queue
 * @param attempt the attempt that failed
 * @param nextRunAt when the next attempt is due, by this node's clock
 * @param error the failed attempt's error message
 * @since 0.1.0
 */
public record JobRetryScheduledEvent(JobId jobId, String name, String queue, int attempt, Instant nextRunAt,
		String error) implements JobEvent {

}
