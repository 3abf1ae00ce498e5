package dev.jobs.event;

/**
 * Published when the number of due pending jobs of a queue rises above the queue's
 * {@code jobs.queues.<name>.backlog-threshold}, and once when it falls back to the
 * threshold or under; never twice in a row for the same side. Worker nodes check every
 * few seconds, from the same cached counts as the {@code jobs.queue.size} gauges, so a
 * short spike between two checks may go unseen. Each worker node publishes its own
 * events.
 *
 * @param queue the queue
 * @param pending the number of due pending jobs when the crossing was seen
 * @param threshold the queue's backlog threshold
 * @param above {@code true} when the count rose above the threshold, {@code false} when
 * it fell back to it or under
 * @since 0.1.0
 */
public record QueueBacklogEvent(String queue, long pending, int threshold, boolean above) {

}
