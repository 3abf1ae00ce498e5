package dev.jobs.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import dev.jobs.Priority;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.store.ClaimRequest;
import dev.jobs.store.JobStore;
import dev.jobs.store.NewJob;
import dev.jobs.testsupport.TestDatabase;
import dev.jobs.testsupport.TestSchema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PostgresJdbcJobStoreIntegrationTests extends JdbcJobStoreContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

	@Test
	void claimAnalyzesTheJobTableWhenABurstOfEnqueuesLeftItsStatisticsStale() {
		// a schema of its own: the class's other tests change enough rows to have the
		// claimer analyze the class's table before this test starts
		TestSchema schema = TestSchema.random();
		SchemaVendor vendor = SchemaVendor.of(dataSource());
		TablePrefix prefix = new TablePrefix(schema.prefix());
		new JobsSchemaMigrator(dataSource(), vendor, prefix, JobsSchemaMigrator.Mode.MIGRATE).migrate();
		try {
			JobStore store = JdbcJobStores.create(dataSource(), vendor, prefix,
					new JobPayloadMapper(new JsonMapper(), 1024 * 1024));
			JdbcTemplate jdbc = new JdbcTemplate(dataSource());
			String table = schema.prefix() + "job";
			String lastAnalyze = "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relid = CAST(? AS regclass)";
			assertThat(jdbc.queryForObject(lastAnalyze, Boolean.class, table)).isFalse();
			List<NewJob> burst = new ArrayList<>();
			for (int i = 0; i < 3000; i++) {
				burst.add(newJob("statistics-burst", "default", Priority.NORMAL));
			}
			store.writer().insert(burst);
			ClaimRequest one = new ClaimRequest("node-a", Set.of("work"), null, Set.of(), 1);
			// the server publishes a session's row counts within a second or so, and the
			// claimer looks at most once a second
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
				store.claimer().claim(one);
				return jdbc.queryForObject(lastAnalyze, Boolean.class, table);
			});
			assertThat(jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE oid = CAST(? AS regclass)",
					Double.class, table))
				.isGreaterThanOrEqualTo(3000);
		}
		finally {
			schema.drop(dataSource());
		}
	}

	@Test
	void claimsGoOnWhileTheStatisticsAreRefreshedOnAThreadOfTheirOwn() throws Exception {
		TestSchema schema = TestSchema.random();
		RefresherHoldingDataSource dataSource = new RefresherHoldingDataSource(dataSource());
		SchemaVendor vendor = SchemaVendor.of(dataSource);
		TablePrefix prefix = new TablePrefix(schema.prefix());
		new JobsSchemaMigrator(dataSource, vendor, prefix, JobsSchemaMigrator.Mode.MIGRATE).migrate();
		try {
			JobStore store = JdbcJobStores.create(dataSource, vendor, prefix,
					new JobPayloadMapper(new JsonMapper(), 1024 * 1024));
			List<NewJob> burst = new ArrayList<>();
			for (int i = 0; i < 3000; i++) {
				burst.add(newJob("statistics-burst", "default", Priority.NORMAL));
			}
			store.writer().insert(burst);
			ClaimRequest one = new ClaimRequest("node-a", Set.of("statistics-burst"), null, Set.of(), 1);
			assertThat(store.claimer().claim(one)).hasSize(1);
			assertThat(dataSource.refresherWaiting.await(30, TimeUnit.SECONDS)).isTrue();
			// the refresh is held while it asks for a connection: claims do not wait for
			// it
			assertThat(store.claimer().claim(one)).hasSize(1);
			dataSource.release.countDown();
			JdbcTemplate jdbc = new JdbcTemplate(dataSource());
			String table = schema.prefix() + "job";
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
				store.claimer().claim(one);
				return jdbc.queryForObject(
						"SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relid = CAST(? AS regclass)",
						Boolean.class, table);
			});
		}
		finally {
			dataSource.release.countDown();
			schema.drop(dataSource());
		}
	}

	@Test
	void statisticsAreStillRefreshedAfterATransientFailureOfTheRefresher() {
		TestSchema schema = TestSchema.random();
		RefresherFailingOnceDataSource dataSource = new RefresherFailingOnceDataSource(dataSource());
		SchemaVendor vendor = SchemaVendor.of(dataSource);
		TablePrefix prefix = new TablePrefix(schema.prefix());
		new JobsSchemaMigrator(dataSource, vendor, prefix, JobsSchemaMigrator.Mode.MIGRATE).migrate();
		try {
			JobStore store = JdbcJobStores.create(dataSource, vendor, prefix,
					new JobPayloadMapper(new JsonMapper(), 1024 * 1024));
			List<NewJob> burst = new ArrayList<>();
			for (int i = 0; i < 3000; i++) {
				burst.add(newJob("statistics-burst", "default", Priority.NORMAL));
			}
			store.writer().insert(burst);
			ClaimRequest one = new ClaimRequest("node-a", Set.of("statistics-burst"), null, Set.of(), 1);
			store.claimer().claim(one);
			await().atMost(Duration.ofSeconds(30)).until(() -> dataSource.failed.get());
			JdbcTemplate jdbc = new JdbcTemplate(dataSource());
			String table = schema.prefix() + "job";
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
				store.claimer().claim(one);
				return jdbc.queryForObject(
						"SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relid = CAST(? AS regclass)",
						Boolean.class, table);
			});
		}
		finally {
			schema.drop(dataSource());
		}
	}

	/**
	 * Fails the statistics refresher's first request for a connection, as a pool that
	 * gives none in time does.
	 */
	private static final class RefresherFailingOnceDataSource extends DelegatingDataSource {

		private final AtomicBoolean failed = new AtomicBoolean();

		RefresherFailingOnceDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (Thread.currentThread().getName().startsWith("jobs-statistics")
					&& this.failed.compareAndSet(false, true)) {
				throw new SQLTransientConnectionException("no connection available in time (test)");
			}
			return super.getConnection();
		}

	}

	/**
	 * Holds the statistics refresher's requests for a connection until released.
	 */
	private static final class RefresherHoldingDataSource extends DelegatingDataSource {

		private final CountDownLatch refresherWaiting = new CountDownLatch(1);

		private final CountDownLatch release = new CountDownLatch(1);

		RefresherHoldingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (Thread.currentThread().getName().startsWith("jobs-statistics")) {
				this.refresherWaiting.countDown();
				try {
					this.release.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return super.getConnection();
		}

	}

}
