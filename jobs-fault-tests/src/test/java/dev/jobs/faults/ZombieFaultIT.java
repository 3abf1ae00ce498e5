package dev.jobs.faults;

import java.time.Duration;
import java.util.List;
import java.util.Set;

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
 * SIGSTOP of one of three nodes for three times {@code stale-after}, then SIGCONT: the
 * others rescue its jobs; the zombie, once it runs again, overwrites nothing (its late
 * ends are fenced) and starts none of the jobs it held, and it carries on as a node.
 */
class ZombieFaultIT {

	@AfterEach
	void cleanUp() {
		Cleanup.closeAll();
	}

	@Test
	void sigstopForThreeTimesStaleAfterThenSigcont() {
		try (FaultCluster cluster = FaultCluster.start("zombie-POSTGRES", FaultDatabase.Kind.POSTGRES)) {
			List<NodeProcess> nodes = cluster.startNodes(3);
			List<String> ids = cluster.enqueue(nodes.get(0), 1400, 50, 300);
			cluster.awaitCompleted(ids.size() / 4, Duration.ofSeconds(120));
			NodeProcess zombie = nodes.get(2);
			zombie.signal("STOP");
			// once the process is seen stopped: a handler may start between the signal
			// and the stop
			long faultMs = System.currentTimeMillis();
			Set<String> owned = cluster.ownedBy(zombie);
			sleep(FaultCluster.STALE_AFTER.multipliedBy(3));
			long contMs = System.currentTimeMillis();
			zombie.signal("CONT");
			boolean settled = cluster.awaitSettled(FaultTests.SETTLE);
			// the zombie's late writes, if any, land within a few heartbeats
			sleep(Duration.ofSeconds(3));
			Figures figures = cluster.figures(ids)
				.inFlightOn(owned, zombie.name(), faultMs)
				.rescueLatency(owned, zombie.name(), faultMs)
				.with("settled", settled);
			List<Run> runs = figures.snapshot().runs();
			long rescuedStarted = figures.staleStartsOf(zombie.name(), contMs);
			long lateWrites = figures.lateWritesOf(zombie.name());
			long twiceCompleted = ids.stream()
				.filter((id) -> figures.snapshot()
					.executions()
					.stream()
					.filter((execution) -> execution.jobId().equals(id) && execution.outcome().equals("COMPLETED"))
					.count() > 1)
				.count();
			long zombieRunsAfter = runs.stream()
				.filter((run) -> run.node().equals(zombie.name()) && run.startedMs() >= contMs)
				.count();
			figures.with("zombieStartedRescuedAttempts", rescuedStarted)
				.with("zombieWritesOfRescuedJobs", lateWrites)
				.with("twiceCompleted", twiceCompleted)
				.with("zombieRunsAfterCont", zombieRunsAfter)
				.with("zombieFencedWrites", zombie.metric("jobs.writes.fenced"));
			System.out.println("Jobs owned by " + zombie.name() + " at the stop (ms from the stop):\n"
					+ figures.runsOf(owned, faultMs));
			SoftAssertions softly = new SoftAssertions();
			figures.check(softly, figures.inFlightAtFault(), FaultTests.RESCUE_BOUND_MS);
			softly.assertThat(rescuedStarted)
				.as("attempts the zombie started after SIGCONT that had been rescued from it (held jobs)")
				.isZero();
			softly.assertThat(lateWrites).as("execution rows the zombie wrote for attempts rescued from it").isZero();
			softly.assertThat(twiceCompleted).as("jobs with two COMPLETED execution rows").isZero();
			softly.assertThat(zombie.isAlive()).as("the zombie runs on after SIGCONT").isTrue();
			softly.assertThat(figures.snapshot().liveNodes())
				.as("live nodes after the zombie came back")
				.contains(zombie.name());
			softly.assertAll();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
