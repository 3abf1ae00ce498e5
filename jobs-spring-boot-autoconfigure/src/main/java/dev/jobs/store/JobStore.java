package dev.jobs.store;

/**
 * The storage roles the engine uses, held together for wiring.
 *
 * @param writer stores and changes jobs
 * @param claimer claims due jobs
 * @param attempts records attempts
 * @param nodes node liveness and rescue
 * @param queries reads jobs
 * @param recurring stores and fires recurring jobs
 * @param logs keeps the lines handlers log
 * @param history deletes the history of finished jobs
 * @param queues the cluster-wide state of queues
 */
public record JobStore(JobWriter writer, JobClaimer claimer, AttemptRecorder attempts, NodeRegistry nodes,
		JobQueries queries, RecurringJobStore recurring, JobLogStore logs, JobHistoryStore history, QueueStore queues) {

}
