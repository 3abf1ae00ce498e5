package dev.jobs.faults;

import java.time.Duration;

import dev.jobs.faults.harness.FaultCluster;

/**
 * Bounds shared by the fault tests.
 */
final class FaultTests {

	/**
	 * How soon a dead node's jobs start elsewhere: {@code stale-after} +
	 * {@code heartbeat-interval} (the rescue check's period) + {@code poll-interval} + 1
	 * s.
	 */
	static final long RESCUE_BOUND_MS = FaultCluster.STALE_AFTER.plus(FaultCluster.HEARTBEAT_INTERVAL)
		.plus(FaultCluster.POLL_INTERVAL)
		.plusSeconds(1)
		.toMillis();

	/** How soon claims resume once the database is back. */
	static final long RESUME_BOUND_MS = 10_000;

	/** How long the jobs may take to settle once a fault is over. */
	static final Duration SETTLE = Duration.ofSeconds(60);

	private FaultTests() {
	}

}
