package dev.jobs.event;

import dev.jobs.JobId;

/**
 * Published when a job has been cancelled: at once for a job that was not running, when
 * its attempt has stopped for a running one.
 *
 * @param jobId the job's id
 * @param name the job's name
 * @param queue the job's queue
 * @since 0.1.0
 */
public record JobCancelledEvent(JobId jobId, String name, String queue) implements JobEvent {

}
