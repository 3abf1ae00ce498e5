package dev.jobs.store.jdbc;

/**
 * The column lists of the jobs table that the store selects and inserts.
 */
final class JobColumns {

	private static final String BEFORE_PAYLOADS = "id, name, queue, status, priority, ";

	private static final String AFTER_PAYLOADS = ", error, unique_key, attempts, max_attempts, fence, timeout_ms, "
			+ "backoff_delay_ms, backoff_multiplier, backoff_max_delay_ms, backoff_jitter, progress, owner, created_at, "
			+ "run_at, started_at, finished_at";

	static final String ALL = BEFORE_PAYLOADS + "payload, result" + AFTER_PAYLOADS;

	/**
	 * The columns of {@link #ALL}, with the payload and result read as {@code NULL}: a
	 * list that shows neither does not make the database read them.
	 */
	static final String WITHOUT_PAYLOADS = BEFORE_PAYLOADS + "NULL AS payload, NULL AS result" + AFTER_PAYLOADS;

	/**
	 * The columns a claimed job is built from ({@code JobRowMapper.claimed}): a claim
	 * returns no more, since the database formats and sends every column of every row it
	 * claims.
	 */
	static final String CLAIMED = "id, name, queue, priority, payload, attempts, max_attempts, fence, timeout_ms, "
			+ "backoff_delay_ms, backoff_multiplier, backoff_max_delay_ms, backoff_jitter, created_at, run_at, started_at";

	/**
	 * The columns an enqueue writes, in the order of the writers' values.
	 */
	static final String INSERTED = "id, name, queue, status, priority, payload, unique_key, active_key, attempts, "
			+ "max_attempts, fence, timeout_ms, backoff_delay_ms, backoff_multiplier, backoff_max_delay_ms, "
			+ "backoff_jitter, progress, cancel_requested, created_at, run_at";

	private JobColumns() {
	}

}
