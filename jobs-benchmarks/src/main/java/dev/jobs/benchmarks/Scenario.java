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

	PICKUP_P99("pickup p99, local", "ms");

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

}
