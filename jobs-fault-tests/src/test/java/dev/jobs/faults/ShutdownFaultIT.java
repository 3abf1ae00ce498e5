package dev.jobs.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.jobs.faults.harness.Cleanup;
import dev.jobs.faults.harness.FaultCluster;
import dev.jobs.faults.harness.FaultDatabase;
import dev.jobs.faults.harness.Figures;
import dev.jobs.faults.harness.NodeProcess;
import dev.jobs.faults.harness.Snapshot.Run;

/**
 * SIGTERM of one of two nodes with jobs in flight: jobs that end within
 * {@code shutdown-timeout} complete there; jobs that run past it are interrupted and
 * handed back (an INTERRUPTED row, the attempt not charged) and run once elsewhere. A
 * graceful shutdown runs nothing twice.
 */
class ShutdownFaultIT {

	@AfterEach
	void cleanUp() {
		Cleanup.closeAll();
	}

	@Test
	void sigtermWithJobsThatEndInsideShutdownTimeout() {
		try (FaultCluster cluster = FaultCluster.start("sigterm-inside-POSTGRES", FaultDatabase.Kind.POSTGRES)) {
			List<NodeProcess> nodes = cluster.startNodes(2, "--jobs.worker.shutdown-timeout=10s");
			List<String> ids = cluster.enqueue(nodes.get(0), 120, 500, 2000);
			cluster.awaitCompleted(16, Duration.ofSeconds(60));
			NodeProcess victim = nodes.get(1);
			long termMs = System.currentTimeMillis();
			victim.signal("TERM");
			Integer exit = victim.awaitExit(Duration.ofSeconds(40));
			long exitedAfterMs = System.currentTimeMillis() - termMs;
			boolean settled = cluster.awaitSettled(FaultTests.SETTLE);
			Figures figures = cluster.figures(ids).inFlightAt(termMs, victim.name());
			Set<String> startedThere = figures.snapshot()
				.runs()
				.stream()
				.filter((run) -> run.node().equals(victim.name()))
				.map(Run::jobId)
				.collect(Collectors.toSet());
			long interrupted = figures.snapshot()
				.executions()
				.stream()
				.filter((execution) -> execution.node().equals(victim.name())
						&& execution.outcome().equals("INTERRUPTED") && startedThere.contains(execution.jobId()))
				.count();
			long heldHandedBack = interruptedRowsOf(figures, victim) - interrupted;
			long unended = figures.snapshot()
				.runs()
				.stream()
				.filter((run) -> run.node().equals(victim.name()) && run.endedMs() == null)
				.count();
			figures.with("settled", settled)
				.with("exit", exit)
				.with("exitedAfterMs", exitedAfterMs)
				.with("interruptedRowsOfStartedJobs", interrupted)
				.with("heldHandedBack", heldHandedBack)
				.with("unendedRuns", unended);
			SoftAssertions softly = new SoftAssertions();
			figures.check(softly, 0, 0);
			softly.assertThat(exit).as("the node exited after SIGTERM").isNotNull();
			softly.assertThat(exitedAfterMs).as("ms from SIGTERM to exit").isLessThan(10_000 + 15_000);
			softly.assertThat(unended).as("runs on the stopped node that did not end").isZero();
			softly.assertThat(interrupted)
				.as("INTERRUPTED rows of jobs whose handler ended inside the timeout")
				.isZero();
			softly.assertAll();
		}
	}

	@Test
	void sigtermWithJobsRunningPastShutdownTimeout() {
		try (FaultCluster cluster = FaultCluster.start("sigterm-past-POSTGRES", FaultDatabase.Kind.POSTGRES)) {
			List<NodeProcess> nodes = cluster.startNodes(2, "--jobs.worker.shutdown-timeout=2s");
			NodeProcess victim = nodes.get(1);
			// the victim's jobs are due before the backlog, which comes in a later batch,
			// so
			// that, keeping their place, they are next in line once handed back
			List<String> ids = new ArrayList<>(cluster.enqueue(victim, 8, 5000, 6000));
			awaitRunsOn(cluster, victim, 4, Duration.ofSeconds(30));
			ids.addAll(cluster.enqueue(nodes.get(0), 16, 5000, 6000));
			DatabaseFaultIT.sleep(1000);
			long termMs = System.currentTimeMillis();
			victim.signal("TERM");
			Integer exit = victim.awaitExit(Duration.ofSeconds(40));
			long exitedAfterMs = System.currentTimeMillis() - termMs;
			boolean settled = cluster.awaitSettled(FaultTests.SETTLE);
			Figures figures = cluster.figures(ids).inFlightAt(termMs, victim.name());
			List<Run> runs = figures.snapshot().runs();
			List<Run> handedBack = runs.stream()
				.filter((run) -> run.node().equals(victim.name()) && run.endedMs() == null)
				.toList();
			Set<String> handedBackIds = handedBack.stream().map(Run::jobId).collect(Collectors.toSet());
			long charged = handedBack.stream()
				.filter((back) -> runs.stream()
					.filter((run) -> run.jobId().equals(back.jobId()) && run.startedMs() > back.startedMs())
					.findFirst()
					.map((next) -> next.attempt() > back.attempt())
					.orElse(false))
				.count();
			long interrupted = interruptedRowsOf(figures, victim);
			figures.rescueLatency(handedBackIds, victim.name(), termMs)
				.with("settled", settled)
				.with("exit", exit)
				.with("exitedAfterMs", exitedAfterMs)
				.with("handedBack", handedBack.size())
				.with("interruptedRows", interrupted)
				.with("attemptsCharged", charged);
			SoftAssertions softly = new SoftAssertions();
			// handed back at shutdown-timeout, then, keeping its place in line, started
			// in
			// the other node's first free slot (its jobs take at most 6 s)
			figures.check(softly, 0, 2_000 + 6_000 + FaultCluster.POLL_INTERVAL.toMillis() + 2_000);
			softly.assertThat(exit).as("the node exited after SIGTERM").isNotNull();
			softly.assertThat(exitedAfterMs).as("ms from SIGTERM to exit").isLessThan(2_000 + 15_000);
			softly.assertThat(handedBack).as("runs interrupted by the shutdown").isNotEmpty();
			softly.assertThat(interrupted)
				.as("INTERRUPTED rows of the handed-back jobs")
				.isGreaterThanOrEqualTo(handedBack.size());
			softly.assertThat(charged).as("handed-back jobs whose next run had a higher attempt number").isZero();
			softly.assertAll();
		}
	}

	private static long interruptedRowsOf(Figures figures, NodeProcess node) {
		return figures.snapshot()
			.executions()
			.stream()
			.filter((execution) -> execution.node().equals(node.name()) && execution.outcome().equals("INTERRUPTED"))
			.count();
	}

	private static void awaitRunsOn(FaultCluster cluster, NodeProcess node, int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (cluster.snapshot()
			.runs()
			.stream()
			.filter((run) -> run.node().equals(node.name()) && run.endedMs() == null)
			.count() < count) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(node + " did not run " + count + " jobs at once within " + timeout);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
