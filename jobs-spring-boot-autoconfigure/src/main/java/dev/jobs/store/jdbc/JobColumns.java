package dev.jobs.store.jdbc;

/**
 * The column lists of the jobs table that the store selects.
 */
final class JobColumns {

	static final String ALL = "id, name, queue, status, priority, payload, result, error, unique_key, attempts, "
			+ "max_attempts, fence, timeout_ms, backoff_delay_ms, backoff_multiplier, backoff_max_delay_ms, "
			+ "backoff_jitter, progress, owner, created_at, run_at, started_at, finished_at";

	private JobColumns() {
	}

}
