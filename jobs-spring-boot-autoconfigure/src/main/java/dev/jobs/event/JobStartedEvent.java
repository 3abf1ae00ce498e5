package dev.jobs.event;

import java.time.Instant;

import dev.jobs.JobId;

/**
 * Published when a node has claimed a job and its handler starts an attempt.
 *
 * @param jobId the job's id
 * @param name the job's name
 * @param queue the job's queue
 * @param attempt the attempt number, from 1
 * @param node the node running the attempt
 * @param startedAt when the attempt started
 * @since 0.1.0
 */
public record JobStartedEvent(JobId jobId, String name, String queue, int attempt, String node,
		Instant startedAt) implements JobEvent {

}
