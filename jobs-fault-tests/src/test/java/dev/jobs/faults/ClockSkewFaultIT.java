package dev.jobs.faults;

import java.util.ArrayList;
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
 * A node whose clock runs 30 s ahead of the database's and of the other node's (a
 * {@code java.time.Clock} bean offset by {@code fault.clock-offset}): it reports the skew
 * in the {@code jobs.clock.skew} gauge and a warning, and the skew changes nothing that
 * the database's clock decides: delayed jobs it enqueues start after their delay, not 30
 * s early or late, and nothing is lost or stuck.
 */
class ClockSkewFaultIT {

	private static final long OFFSET_S = 30;

	private static final long DELAY_MS = 4000;

	@AfterEach
	void cleanUp() {
		Cleanup.closeAll();
	}

	@Test
	void nodeWithSkewedClock() {
		try (FaultCluster cluster = FaultCluster.start("clock-skew-POSTGRES", FaultDatabase.Kind.POSTGRES)) {
			NodeProcess steady = cluster.startNode("node-1", List.of());
			NodeProcess skewed = cluster.startNode("node-2", List.of(), "--fault.clock-offset=" + OFFSET_S + "s");
			long enqueuedMs = System.currentTimeMillis();
			List<String> delayed = cluster.enqueue(skewed, 40, 20, 50, DELAY_MS);
			List<String> ids = new ArrayList<>(delayed);
			ids.addAll(cluster.enqueue(skewed, 200, 20, 100));
			boolean settled = cluster.awaitSettled(FaultTests.SETTLE);
			Figures figures = cluster.figures(ids).with("settled", settled);
			Set<String> delayedIds = Set.copyOf(delayed);
			List<Long> starts = figures.snapshot()
				.runs()
				.stream()
				.filter((run) -> delayedIds.contains(run.jobId()))
				.map(Run::startedMs)
				.toList();
			long earliest = starts.stream().mapToLong((ms) -> ms - enqueuedMs).min().orElse(-1);
			long latest = starts.stream().mapToLong((ms) -> ms - enqueuedMs).max().orElse(-1);
			String skewGauge = skewed.metric("jobs.clock.skew");
			String steadyGauge = steady.metric("jobs.clock.skew");
			boolean warned = skewed.log()
				.lines()
				.anyMatch((line) -> line.contains("WARN") && line.toLowerCase().contains("skew"));
			figures.with("delayedEarliestMs", earliest)
				.with("delayedLatestMs", latest)
				.with("skewGaugeSkewedNode", skewGauge)
				.with("skewGaugeSteadyNode", steadyGauge)
				.with("skewWarning", warned);
			SoftAssertions softly = new SoftAssertions();
			figures.check(softly, 0, 0);
			softly.assertThat(earliest)
				.as("ms from enqueue to the first start of a delayed job")
				.isGreaterThanOrEqualTo(DELAY_MS - 500);
			softly.assertThat(latest)
				.as("ms from enqueue to the last start of a delayed job")
				.isLessThanOrEqualTo(DELAY_MS + FaultCluster.POLL_INTERVAL.toMillis() + 3000);
			softly.assertThat(skewGauge)
				.as("jobs.clock.skew of the skewed node (absent: no such gauge)")
				.isNotEqualTo("absent");
			if (!skewGauge.equals("absent")) {
				softly.assertThat(Math.abs(Double.parseDouble(skewGauge)))
					.as("|jobs.clock.skew| of the skewed node")
					.isBetween(OFFSET_S - 5.0, OFFSET_S + 5.0);
			}
			if (!steadyGauge.equals("absent")) {
				softly.assertThat(Math.abs(Double.parseDouble(steadyGauge)))
					.as("|jobs.clock.skew| of the steady node")
					.isLessThan(2.0);
			}
			softly.assertThat(warned).as("a WARN line about the skew in the skewed node's log").isTrue();
			softly.assertAll();
		}
	}

}
