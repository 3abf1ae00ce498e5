package dev.jobs.benchmarks;

/**
 * The rows of the table.
 */
enum Scenario {

	ENQUEUE("enqueue, 1 tx/job", "jobs/s"),

	BULK_ENQUEUE("bulk enqueue (500/tx)", "jobs/s"),

	BURN_DOWN("burn-down", "jobs/s"),

	PICKUP_P50("pickup p50, local", "ms"),

	PICKUP_P95("pickup p95, local", "ms"),

	PICKUP_P99("pickup p99, local", "ms"),

	PICKUP_REMOTE_P50("pickup p50, cross-node", "ms"),

	PICKUP_REMOTE_P95("pickup p95, cross-node", "ms"),

	PICKUP_REMOTE_P99("pickup p99, cross-node", "ms"),

	BACKLOG_BURN_DOWN("burn-down behind a backlog", "jobs/s"),

	BACKLOG_RATIO("backlog / empty burn-down", "×");

	private final String label;

	private final String unit;

	Scenario(String label, String unit) {
		this.label = label;
		this.unit = unit;
	}

	String label() {
		return this.label;
	}

	String unit() {
		return this.unit;
	}

	boolean isLatency() {
		return "ms".equals(this.unit);
	}

	/**
	 * Whether the row holds a library's ratio to its own figure of another row, which is
	 * not compared across libraries.
	 */
	boolean isOwnRatio() {
		return "×".equals(this.unit);
	}

}
