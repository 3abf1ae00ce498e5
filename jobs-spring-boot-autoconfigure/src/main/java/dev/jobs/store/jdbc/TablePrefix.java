package dev.jobs.store.jdbc;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The validated prefix of the starter's tables, and the table names built from it. The
 * prefix is checked before any SQL is built from it.
 *
 * @param value the prefix
 */
public record TablePrefix(String value) {

	private static final Pattern VALID = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,30}$");

	/**
	 * The default prefix.
	 */
	public static final TablePrefix DEFAULT = new TablePrefix("jobs_");

	/**
	 * Create a prefix.
	 * @param value the prefix: a letter or underscore, then up to 30 letters, digits or
	 * underscores
	 * @throws IllegalArgumentException if the prefix is not valid
	 */
	public TablePrefix {
		if (value == null || !VALID.matcher(value).matches()) {
			throw new IllegalArgumentException("Table prefix '" + value + "' is not valid: it must match "
					+ VALID.pattern() + " (letters, digits and underscores)");
		}
	}

	/**
	 * Whether a prefix is valid.
	 * @param value the prefix
	 * @return whether it matches the allowed pattern
	 */
	public static boolean isValid(String value) {
		return value != null && VALID.matcher(value).matches();
	}

	/**
	 * The jobs table.
	 * @return its name
	 */
	public String job() {
		return this.value + "job";
	}

	/**
	 * The index the claim query reads.
	 * @return its name
	 */
	public String claimIndex() {
		return this.value + "job_claim_idx";
	}

	/**
	 * The executions table.
	 * @return its name
	 */
	public String execution() {
		return this.value + "job_execution";
	}

	/**
	 * The job log lines table.
	 * @return its name
	 */
	public String jobLog() {
		return this.value + "job_log";
	}

	/**
	 * The nodes table.
	 * @return its name
	 */
	public String node() {
		return this.value + "node";
	}

	/**
	 * The queues table: the cluster-wide pauses.
	 * @return its name
	 */
	public String queue() {
		return this.value + "queue";
	}

	/**
	 * The table of cluster-wide settings, such as whether the workers should run.
	 * @return its name
	 */
	public String clusterState() {
		return this.value + "cluster_state";
	}

	/**
	 * The recurring jobs table.
	 * @return its name
	 */
	public String recurringJob() {
		return this.value + "recurring_job";
	}

	/**
	 * The PostgreSQL channel of enqueue notifications, in lower case as PostgreSQL folds
	 * an unquoted {@code LISTEN} channel, so that stores with other prefixes on the same
	 * database do not wake each other.
	 * @return the channel name
	 */
	public String enqueueChannel() {
		return (this.value + "job_enqueued").toLowerCase(Locale.ROOT);
	}

	/**
	 * The starter's Flyway history table.
	 * @return its name
	 */
	public String schemaHistory() {
		return this.value + "schema_history";
	}

}
