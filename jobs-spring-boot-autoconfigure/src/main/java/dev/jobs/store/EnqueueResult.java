package dev.jobs.store;

import dev.jobs.JobId;

/**
 * What storing one {@link NewJob} did.
 *
 * @param id the id of the stored job, or of the unfinished job that holds its unique key
 * @param inserted whether a new row was stored
 */
public record EnqueueResult(JobId id, boolean inserted) {

}
