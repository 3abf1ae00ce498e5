package dev.jobs.benchmarks;

/**
 * The columns of the table.
 */
enum Library {

	RAW_BATCHED("raw JDBC, batched"),

	RAW_PER_JOB("raw JDBC, per job"),

	JOBS("jobs (this)"),

	DB_SCHEDULER("db-scheduler"),

	JOBRUNR("JobRunr");

	private final String label;

	Library(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

}
