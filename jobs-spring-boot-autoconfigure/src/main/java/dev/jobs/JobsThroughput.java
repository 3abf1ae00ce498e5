package dev.jobs;

import java.time.Instant;

/**
 * The jobs of one queue that ended in one minute, by the database's clock.
 *
 * @param minute the start of the minute
 * @param queue the queue
 * @param completed how many of its jobs completed in that minute
 * @param failed how many of its jobs failed for good in that minute (attempts that were
 * retried are not counted)
 * @since 0.1.0
 */
public record JobsThroughput(Instant minute, String queue, long completed, long failed) {

}
