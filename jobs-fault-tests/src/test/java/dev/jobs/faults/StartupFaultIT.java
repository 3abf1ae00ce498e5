package dev.jobs.faults;

import java.util.List;

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
 * Three nodes started at the same moment on a fresh database, as a deployment of three
 * replicas does: every one starts (schema migration and the reconciliation of recurring
 * jobs race between them) and they run the jobs; three times on each database.
 */
class StartupFaultIT {

	private static final int ROUNDS = 3;

	@AfterEach
	void cleanUp() {
		Cleanup.closeAll();
	}

	@ParameterizedTest
	@EnumSource(FaultDatabase.Kind.class)
	void threeNodesStartingAtOnceOnAFreshDatabase(FaultDatabase.Kind kind) {
		// the start-up race does not show every time: three cold starts
		for (int round = 1; round <= ROUNDS; round++) {
			try (FaultCluster cluster = FaultCluster.start("startup-" + kind + "-" + round, kind)) {
				List<NodeProcess> nodes = cluster.startNodesAtOnce(3);
				List<String> ids = cluster.enqueue(nodes.get(0), 30, 10, 50);
				boolean settled = cluster.awaitSettled(FaultTests.SETTLE);
				Figures figures = cluster.figures(ids).with("round", round).with("settled", settled);
				SoftAssertions softly = new SoftAssertions();
				figures.check(softly, 0, 0);
				softly.assertAll();
			}
		}
	}

}
