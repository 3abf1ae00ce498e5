package dev.jobs.store;

import dev.jobs.JobId;

/**
 * A running job of a dead node that was returned to pending, or failed because it had
 * used its attempts.
 *
 * @param id the job id
 * @param name the job name
 * @param queue the queue
 * @param attempts the attempts it has used
 * @param deadNode the node that had claimed it
 * @param failed whether it failed for good instead of going back to pending
 */
public record RescuedJob(JobId id, String name, String queue, int attempts, String deadNode, boolean failed) {

}
