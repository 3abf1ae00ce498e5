package dev.jobs.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.jobs.faults.harness.Cleanup;
import dev.jobs.faults.harness.FaultCluster;
import dev.jobs.faults.harness.FaultDatabase;
import dev.jobs.faults.harness.Figures;
import dev.jobs.faults.harness.NodeProcess;

/**
 * Faults of the database under load, on a private instance: every connection of the nodes
 * killed (three times, a second apart), and the server crashed and started again after
 * three seconds. No attempt end is dropped, nothing is lost or left RUNNING, and claims
 * resume within 10 s of the database coming back.
 */
class DatabaseFaultIT {

	@AfterEach
	void cleanUp() {
		Cleanup.closeAll();
	}

	@ParameterizedTest
	@EnumSource(FaultDatabase.Kind.class)
	void connectionsKilledUnderLoad(FaultDatabase.Kind kind) {
		try (FaultCluster cluster = FaultCluster.start("connections-killed-" + kind, kind)) {
			List<NodeProcess> nodes = cluster.startNodes(3);
			List<String> ids = cluster.enqueue(nodes.get(0), 1500, 50, 300);
			cluster.awaitCompleted(ids.size() / 5, Duration.ofSeconds(120));
			long faultMs = System.currentTimeMillis();
			List<Integer> killed = new ArrayList<>();
			for (int round = 0; round < 3; round++) {
				killed.add(cluster.database().killNodeConnections());
				sleep(1000);
			}
			long backMs = System.currentTimeMillis();
			Set<String> pendingAtBack = cluster.jobIds("status = 'PENDING'");
			check(cluster, ids, faultMs, backMs, pendingAtBack, "connectionsKilled", killed);
		}
	}

	@ParameterizedTest
	@EnumSource(FaultDatabase.Kind.class)
	void databaseRestartedMidRun(FaultDatabase.Kind kind) {
		try (FaultCluster cluster = FaultCluster.start("database-restarted-" + kind, kind)) {
			List<NodeProcess> nodes = cluster.startNodes(3);
			List<String> ids = cluster.enqueue(nodes.get(0), 1500, 50, 300);
			cluster.awaitCompleted(ids.size() / 5, Duration.ofSeconds(120));
			long faultMs = System.currentTimeMillis();
			cluster.database().crash();
			sleep(3000);
			cluster.database().startAgain();
			long backMs = System.currentTimeMillis();
			Set<String> pendingAtBack = cluster.jobIds("status = 'PENDING'");
			check(cluster, ids, faultMs, backMs, pendingAtBack, "downMs", backMs - faultMs);
		}
	}

	private static void check(FaultCluster cluster, List<String> ids, long faultMs, long backMs,
			Set<String> pendingAtBack, String name, Object value) {
		boolean settled = cluster.awaitSettled(FaultTests.SETTLE);
		Figures figures = cluster.figures(ids)
			.inFlightDuring(faultMs, backMs, null)
			.resumeLatency(pendingAtBack, backMs)
			.with(name, value)
			.with("settled", settled);
		SoftAssertions softly = new SoftAssertions();
		figures.check(softly, figures.inFlightAtFault(), FaultTests.RESUME_BOUND_MS);
		softly.assertAll();
	}

	static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
