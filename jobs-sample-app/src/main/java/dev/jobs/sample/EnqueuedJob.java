package dev.jobs.sample;

import dev.jobs.JobId;

/**
 * The response to a request that enqueued a job.
 *
 * @param jobId the job's id, to follow at {@code /jobs/{jobId}}
 */
public record EnqueuedJob(String jobId) {

	static EnqueuedJob of(JobId id) {
		return new EnqueuedJob(id.toString());
	}

}
