package dev.jobs.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.jobs.faults.harness.Cleanup;
import dev.jobs.faults.harness.FaultCluster;
import dev.jobs.faults.harness.FaultDatabase;
import dev.jobs.faults.harness.Figures;
import dev.jobs.faults.harness.NodeProcess;

/**
 * The application keeps its connection pool saturated: every node's own code takes all
 * ten connections of its Hikari pool (3 s connection timeout) for twice
 * {@code stale-after}, under load. Claims and attempt ends that cannot get a connection
 * wait or are retried, no attempt end is dropped, the heartbeat (on a connection of its
 * own) keeps every node alive, and claims resume within 10 s of the pool being free.
 */
class PoolSaturationFaultIT {

	private static final int POOL_SIZE = 10;

	@AfterEach
	void cleanUp() {
		Cleanup.closeAll();
	}

	@Test
	void poolKeptSaturatedByTheApplication() {
		try (FaultCluster cluster = FaultCluster.start("pool-saturated-POSTGRES", FaultDatabase.Kind.POSTGRES)) {
			List<NodeProcess> nodes = cluster.startNodes(3,
					"--spring.datasource.hikari.maximum-pool-size=" + POOL_SIZE);
			List<String> ids = cluster.enqueue(nodes.get(0), 1500, 50, 300);
			cluster.awaitCompleted(ids.size() / 5, Duration.ofSeconds(120));
			long holdMs = FaultCluster.STALE_AFTER.multipliedBy(2).toMillis();
			long faultMs = System.currentTimeMillis();
			List<CompletableFuture<String>> holds = new ArrayList<>();
			for (NodeProcess node : nodes) {
				holds.add(CompletableFuture
					.supplyAsync(() -> node.post("/fault/hold-connections?count=" + POOL_SIZE + "&ms=" + holdMs)));
			}
			List<String> taken = holds.stream().map(CompletableFuture::join).toList();
			long backMs = faultMs + holdMs;
			DatabaseFaultIT.sleep(Math.max(0, backMs - System.currentTimeMillis()));
			Set<String> pendingAtBack = cluster.jobIds("status = 'PENDING'");
			boolean settled = cluster.awaitSettled(FaultTests.SETTLE);
			Figures figures = cluster.figures(ids)
				.inFlightDuring(faultMs, backMs, null)
				.resumeLatency(pendingAtBack, backMs)
				.with("taken", taken.toString().replace(" ", ""))
				.with("settled", settled);
			SoftAssertions softly = new SoftAssertions();
			figures.check(softly, figures.inFlightAtFault(), FaultTests.RESUME_BOUND_MS);
			softly.assertAll();
		}
	}

}
