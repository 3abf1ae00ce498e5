package dev.jobs.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * A MariaDB deadlock storm at the default REPEATABLE READ: three nodes, eight threads
 * each, enqueueing for 15 s on three unique keys while the nodes claim and end those
 * jobs. No deadlock reaches a caller or a handler, no worker stops (every node runs jobs
 * after the storm), and the store's retries are counted in {@code jobs.store.retries}.
 */
class DeadlockStormFaultIT {

	@AfterEach
	void cleanUp() {
		Cleanup.closeAll();
	}

	@Test
	void deadlockStormOnFewUniqueKeys() throws SQLException {
		try (FaultCluster cluster = FaultCluster.start("deadlock-storm-MARIADB", FaultDatabase.Kind.MARIADB)) {
			List<NodeProcess> nodes = cluster.startNodes(3);
			List<CompletableFuture<String>> storms = new ArrayList<>();
			for (NodeProcess node : nodes) {
				storms.add(CompletableFuture
					.supplyAsync(() -> node.post("/fault/storm?threads=8&keys=3&ms=15000&prefix=storm")));
			}
			List<String> results = storms.stream().map(CompletableFuture::join).toList();
			long stormEndMs = System.currentTimeMillis();
			// enough work after the storm for every node's slots
			List<String> after = cluster.enqueue(nodes.get(0), 150, 300, 600);
			boolean settled = cluster.awaitSettled(FaultTests.SETTLE);
			List<String> ids = new ArrayList<>(cluster.jobIds("1 = 1"));
			Figures figures = cluster.figures(ids).with("settled", settled);
			long enqueued = 0;
			long failed = 0;
			List<String> failures = new ArrayList<>();
			for (String result : results) {
				enqueued += Long.parseLong(result.replaceAll(".*enqueued=(\\d+).*", "$1"));
				long nodeFailed = Long.parseLong(result.replaceAll(".*failed=(\\d+).*", "$1"));
				failed += nodeFailed;
				if (nodeFailed > 0) {
					failures.add(result.replaceAll(".*firstFailure=", ""));
				}
			}
			long handlerDeadlocks = figures.snapshot()
				.executions()
				.stream()
				.filter((execution) -> execution.error() != null
						&& execution.error().toLowerCase().contains("deadlock"))
				.count();
			Map<String, Long> runsAfter = new TreeMap<>();
			for (NodeProcess node : nodes) {
				runsAfter.put(node.name(),
						figures.snapshot()
							.runs()
							.stream()
							.filter((run) -> run.node().equals(node.name()) && run.startedMs() >= stormEndMs)
							.count());
			}
			Map<String, String> retries = new TreeMap<>();
			for (NodeProcess node : nodes) {
				retries.put(node.name(), node.metric("jobs.store.retries"));
			}
			figures.with("serverDeadlocks", serverDeadlocks(cluster))
				.with("stormEnqueues", enqueued)
				.with("enqueueFailures", failed)
				.with("handlerDeadlocks", handlerDeadlocks)
				.with("afterStormJobs", after.size())
				.with("runsAfterStorm", runsAfter.toString().replace(" ", ""))
				.with("storeRetries", retries.toString().replace(" ", ""));
			System.out.println("Enqueue failures in the storm: " + failures);
			SoftAssertions softly = new SoftAssertions();
			figures.check(softly, 0, 0);
			softly.assertThat(failed).as("enqueues that failed in the storm, e.g. " + failures).isZero();
			softly.assertThat(handlerDeadlocks).as("execution rows with a deadlock error").isZero();
			softly.assertThat(runsAfter.values())
				.as("runs started by each node after the storm")
				.allMatch((count) -> count > 0);
			softly.assertThat(retries.values())
				.as("jobs.store.retries on each node (absent: no such meter)")
				.noneMatch((value) -> value.equals("absent"));
			softly.assertAll();
		}
	}

	/**
	 * The deadlocks InnoDB detected since the server started: that the storm made some.
	 */
	private static long serverDeadlocks(FaultCluster cluster) throws SQLException {
		try (Connection connection = cluster.database().admin();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'")) {
			return rs.next() ? rs.getLong(2) : -1;
		}
	}

}
