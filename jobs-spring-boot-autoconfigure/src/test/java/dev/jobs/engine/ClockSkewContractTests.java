package dev.jobs.engine;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.jobs.store.jdbc.JdbcAccess;
import dev.jobs.store.jdbc.JdbcNodeRegistry;
import dev.jobs.store.jdbc.SchemaVendor;
import dev.jobs.store.jdbc.TablePrefix;
import dev.jobs.testsupport.DatabaseContractTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * {@link ClockSkewMonitor} against each database's real clock, with node clocks that are
 * right and ones that run ahead or behind.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ClockSkewContractTests extends DatabaseContractTests {

	private JdbcNodeRegistry registry() {
		return new JdbcNodeRegistry(
				JdbcAccess.of(dataSource(), SchemaVendor.of(dataSource()).dialect(), TablePrefix.DEFAULT));
	}

	@Test
	void aNodeWhoseClockIsRightMeasuresAlmostNoSkewAndIsNotWarned(CapturedOutput output) {
		try (ClockSkewMonitor monitor = new ClockSkewMonitor(registry(), Clock.systemUTC(), Duration.ofHours(1))) {
			assertThat(monitor.measure().abs()).isLessThan(Duration.ofSeconds(1));
			assertThat(monitor.skewSeconds()).isCloseTo(0.0, within(1.0));
		}
		assertThat(output).doesNotContain("This node's clock is");
	}

	@Test
	void aNodeWhoseClockRunsAheadIsMeasuredAndWarnedOnce(CapturedOutput output) {
		Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(30));
		try (ClockSkewMonitor monitor = new ClockSkewMonitor(registry(), ahead, Duration.ofMillis(50))) {
			// measured at once on its own thread, then every 50 ms
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(monitor.skewSeconds()).isCloseTo(30.0, within(1.0)));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(output).contains("This node's clock is").contains("ahead of the database's"));
			monitor.measure();
			monitor.measure();
		}
		assertThat(output.toString().split("ahead of the database's", -1)).hasSize(2);
	}

	@Test
	void aNodeWhoseClockRunsBehindIsMeasuredWithANegativeSkew(CapturedOutput output) {
		Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-12));
		try (ClockSkewMonitor monitor = new ClockSkewMonitor(registry(), behind, Duration.ofHours(1))) {
			assertThat(monitor.measure().toMillis()).isCloseTo(-12_000L, within(1_000L));
			assertThat(monitor.skewSeconds()).isCloseTo(-12.0, within(1.0));
		}
		assertThat(output).contains("behind the database's");
	}

}
