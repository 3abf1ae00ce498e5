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

	private static final long ALIVE_MARGIN_MS = 500;

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
			// a node believes itself alive for half of stale-after after its last good
			// heartbeat, and may start a held job in that time: the contract lets such a
			// job
			// run again elsewhere (its node was declared dead while it ran); a start
			// after it
			// is a zombie's start
			long aliveUntilMs = faultMs + FaultCluster.STALE_AFTER.toMillis() / 2 + ALIVE_MARGIN_MS;
			long staleStarts = figures.staleStartsOf(isolated.name(), aliveUntilMs);
			long startsWhileAlive = figures.staleStartsOf(isolated.name(), faultMs) - staleStarts;
			long resumedMs = figures.snapshot()
				.runs()
				.stream()
				.filter((run) -> run.node().equals(isolated.name()) && run.startedMs() >= backMs)
				.mapToLong((run) -> run.startedMs() - backMs)
				.min()
				.orElse(-1);
			figures.with("isolatedNodeWritesOfRescuedAttempts", lateWrites)
				.with("isolatedNodeStartedRescuedAttempts", staleStarts)
				.with("isolatedNodeStartsWhileAlive", startsWhileAlive)
				.with("isolatedNodeResumedMs", resumedMs)
				.with("isolatedNodeFencedWrites", isolated.metric("jobs.writes.fenced"));
			SoftAssertions softly = new SoftAssertions();
			figures.check(softly, (int) (figures.inFlightAtFault() + startsWhileAlive), FaultTests.RESCUE_BOUND_MS);
			softly.assertThat(staleStarts)
				.as("rescued attempts the isolated node started once it could no longer believe itself alive")
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
