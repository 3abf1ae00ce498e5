package dev.jobs.store.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.jobs.Priority;
import dev.jobs.store.NewJob;
import dev.jobs.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PostgresJdbcJobStoreIntegrationTests extends JdbcJobStoreContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

	@Test
	void claimAnalyzesTheJobTableWhenABurstOfEnqueuesLeftItsStatisticsStale() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource());
		String table = schema().prefix() + "job";
		String lastAnalyze = "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relid = CAST(? AS regclass)";
		assertThat(jdbc.queryForObject(lastAnalyze, Boolean.class, table)).isFalse();
		List<NewJob> burst = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			burst.add(newJob("statistics-burst", "default", Priority.NORMAL));
		}
		this.store.writer().insert(burst);
		// the server publishes a session's row counts within a second or so, and the
		// claimer looks at most once a second
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
			claim("node-a", 1);
			return jdbc.queryForObject(lastAnalyze, Boolean.class, table);
		});
		assertThat(jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE oid = CAST(? AS regclass)", Double.class,
				table))
			.isGreaterThanOrEqualTo(3000);
	}

}
