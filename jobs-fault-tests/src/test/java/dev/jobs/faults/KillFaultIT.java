package dev.jobs.faults;

import java.time.Duration;
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
 * SIGKILL of one of three nodes when 40 % of the jobs are done: its running and held jobs
 * start elsewhere within the rescue bound, keep their place in line, and nothing is lost.
 */
class KillFaultIT {

	@AfterEach
	void cleanUp() {
		Cleanup.closeAll();
	}

	@ParameterizedTest
	@EnumSource(FaultDatabase.Kind.class)
	void sigkillOfOneOfThreeNodesMidRun(FaultDatabase.Kind kind) {
		try (FaultCluster cluster = FaultCluster.start("kill-" + kind, kind)) {
			List<NodeProcess> nodes = cluster.startNodes(3);
			List<String> ids = cluster.enqueue(nodes.get(0), 800, 50, 300);
			cluster.awaitCompleted(ids.size() * 2 / 5, Duration.ofSeconds(120));
			NodeProcess victim = nodes.get(2);
			long faultMs = System.currentTimeMillis();
			victim.signal("KILL");
			Set<String> owned = cluster.ownedBy(victim);
			boolean settled = cluster.awaitSettled(FaultTests.SETTLE);
			Figures figures = cluster.figures(ids)
				.inFlightOn(owned, victim.name(), faultMs)
				.rescueLatency(owned, victim.name(), faultMs)
				.with("settled", settled);
			int heldCharged = figures.heldCharged(owned, victim.name(), faultMs);
			System.out.println("Jobs owned by " + victim.name() + " at the kill (ms from the kill):\n"
					+ figures.runsOf(owned, faultMs));
			SoftAssertions softly = new SoftAssertions();
			figures.check(softly, figures.inFlightAtFault(), FaultTests.RESCUE_BOUND_MS);
			softly.assertThat(heldCharged).as("held jobs charged an attempt by the crash").isZero();
			softly.assertAll();
		}
	}

}
