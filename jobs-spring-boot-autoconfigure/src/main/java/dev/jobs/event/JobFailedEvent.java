package dev.jobs.event;

import dev.jobs.JobId;

/**
 * Published once when a job has failed for good: its attempts are used up or its error
 * was not retryable.
 *
 * @param jobId the job's id
 * @param name the job's name
 * @param queue the job's queue
 * @param attempts the attempts it used
 * @param error the last error message
 * @since 0.1.0
 */
public record JobFailedEvent(JobId jobId, String name, String queue, int attempts, String error) implements JobEvent {

}
