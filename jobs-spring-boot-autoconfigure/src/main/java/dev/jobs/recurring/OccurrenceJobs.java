package dev.jobs.recurring;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobRequest;
import dev.jobs.store.NewJob;

/**
 * What firing needs of the engine: the jobs of occurrences, built as any enqueued job is,
 * and the listeners, told of each occurrence once the firing transaction commits.
 */
public interface OccurrenceJobs {

	/**
	 * Build the job of an occurrence.
	 * @param request the request, with the occurrence's unique key
	 * @param payloadJson the recurring job's payload, or {@code null}
	 * @return the job to store
	 */
	NewJob create(JobRequest request, @Nullable String payloadJson);

	/**
	 * An occurrence was stored as a new job; called in the firing transaction, told once
	 * it commits.
	 * @param recurringName the recurring job's name
	 * @param job the occurrence's job
	 * @param occurrence the occurrence
	 * @param nextRunAt when the recurring job runs next, or {@code null}
	 */
	void fired(String recurringName, NewJob job, Instant occurrence, @Nullable Instant nextRunAt);

	/**
	 * An occurrence was skipped because the previous one is unfinished; called in the
	 * firing transaction, told once it commits.
	 * @param recurringName the recurring job's name
	 * @param occurrence the occurrence
	 */
	void skipped(String recurringName, Instant occurrence);

}
