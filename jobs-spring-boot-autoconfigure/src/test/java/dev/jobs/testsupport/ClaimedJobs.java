package dev.jobs.testsupport;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;
import dev.jobs.Priority;
import dev.jobs.RetryBackoff;
import dev.jobs.store.ClaimedJob;

/**
 * Claimed jobs for tests that run attempts without a database: claimed by {@code node-a}
 * just now, from the default queue, with a one-minute timeout.
 */
public final class ClaimedJobs {

	private ClaimedJobs() {
	}

	/**
	 * A claimed job.
	 * @param name the job name
	 * @param payloadJson the payload, or {@code null}
	 * @param attempt the attempt being run
	 * @param maxAttempts the job's attempts
	 * @param backoff the job's backoff
	 * @return the job
	 */
	public static ClaimedJob claimed(String name, @Nullable String payloadJson, int attempt, int maxAttempts,
			RetryBackoff backoff) {
		Instant now = Instant.now();
		return new ClaimedJob(JobId.next(), name, "default", Priority.NORMAL, payloadJson, attempt, maxAttempts, 1,
				"node-a", Duration.ofMinutes(1), backoff, now, now, now);
	}

}
