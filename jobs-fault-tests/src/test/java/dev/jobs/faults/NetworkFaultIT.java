package dev.jobs.faults;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jobs.faults.harness.Cleanup;
import dev.jobs.faults.harness.FaultCluster;
import dev.jobs.faults.harness.FaultDatabase;
import dev.jobs.faults.harness.Figures;
import dev.jobs.faults.harness.NodeProcess;
import dev.jobs.faults.harness.TcpRelay;

/**
 * The network between one of three nodes and the database cut (sockets closed,
 * connections refused) or stalled (sockets open, no bytes) for twice {@code stale-after},
 * then restored: the others rescue its jobs in time; the cut-off node writes nothing for
 * the jobs taken from it, and claims again within 10 s of the network coming back.
 */
class NetworkFaultIT {

	/**
	 * How long a node's write may wait for the database before the node takes it that it
	 * is cut off ({@code LeaseKeeper.STALLED}).
	 */
	private static final long STALLED_MS = 500;

	private static final long MARGIN_MS = 500;

	@AfterEach
	void cleanUp() {
		Cleanup.closeAll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "cut", "stall" })
	void networkOfOneNodeLostForTwiceStaleAfter(String mode) {
		try (FaultCluster cluster = FaultCluster.start("network-" + mode + "-POSTGRES", FaultDatabase.Kind.POSTGRES)) {
			List<NodeProcess> nodes = cluster.startNodes(3);
			List<String> ids = cluster.enqueue(nodes.get(0), 1800, 50, 300);
			cluster.awaitCompleted(ids.size() / 5, Duration.ofSeconds(120));
			NodeProcess isolated = nodes.get(2);
			TcpRelay relay = cluster.relay(isolated);
			long faultMs = System.currentTimeMillis();
			if (mode.equals("cut")) {
				relay.cut();
			}
			else {
				relay.stall();
			}
			Set<String> owned = cluster.ownedBy(isolated);
			DatabaseFaultIT.sleep(FaultCluster.STALE_AFTER.multipliedBy(2).toMillis());
			long backMs = System.currentTimeMillis();
			relay.restore();
			boolean settled = cluster.awaitSettled(FaultTests.SETTLE);
			DatabaseFaultIT.sleep(3000);
			Figures figures = cluster.figures(ids)
				.inFlightOn(owned, isolated.name(), faultMs)
				.rescueLatency(owned, isolated.name(), faultMs)
				.with("settled", settled);
			long lateWrites = figures.lateWritesOf(isolated.name());
			// a node starts held jobs until one of its writes (a heartbeat, at the latest
			// one interval after the cut, or an attempt's end) has waited for the
			// database
			// longer than the stall: such a job may run again elsewhere, as one in flight
			// at
			// the fault; a start after that is a start the node should have known better
			// of
			long unawareUntilMs = faultMs + FaultCluster.HEARTBEAT_INTERVAL.toMillis() + STALLED_MS + MARGIN_MS;
			long staleStarts = figures.staleStartsOf(isolated.name(), unawareUntilMs);
			long unawareStarts = figures.staleStartsOf(isolated.name(), faultMs) - staleStarts;
			long resumedMs = figures.snapshot()
				.runs()
				.stream()
				.filter((run) -> run.node().equals(isolated.name()) && run.startedMs() >= backMs)
				.mapToLong((run) -> run.startedMs() - backMs)
				.min()
				.orElse(-1);
			figures.with("isolatedNodeWritesOfRescuedAttempts", lateWrites)
				.with("isolatedNodeStartedRescuedAttempts", staleStarts)
				.with("isolatedNodeStartsBeforeItKnew", unawareStarts)
				.with("isolatedNodeResumedMs", resumedMs)
				.with("isolatedNodeFencedWrites", isolated.metric("jobs.writes.fenced"));
			SoftAssertions softly = new SoftAssertions();
			figures.check(softly, (int) (figures.inFlightAtFault() + unawareStarts), FaultTests.RESCUE_BOUND_MS);
			softly.assertThat(staleStarts)
				.as("rescued attempts the isolated node started once its writes had stalled or failed")
				.isZero();
			softly.assertThat(lateWrites)
				.as("execution rows the isolated node wrote for jobs rescued from it")
				.isZero();
			softly.assertThat(resumedMs)
				.as("ms until the isolated node claimed again after the network came back")
				.isBetween(0L, FaultTests.RESUME_BOUND_MS);
			softly.assertAll();
		}
	}

}
