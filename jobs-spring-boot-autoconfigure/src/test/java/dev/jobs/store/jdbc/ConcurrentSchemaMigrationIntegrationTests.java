package dev.jobs.store.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.logging.LoggingSystem;

import dev.jobs.JobId;
import dev.jobs.JobStatus;
import dev.jobs.testsupport.Recorder;
import dev.jobs.testsupport.SchemaHistory;
import dev.jobs.testsupport.ScratchDatabase;
import dev.jobs.testsupport.TestDatabase;
import dev.jobs.testsupport.TestHandlers;
import dev.jobs.testsupport.TestNode;
import dev.jobs.testsupport.TestSchema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nodes that start together on a database without the starter's schema, as the instances
 * of a new deployment do, each run the migrations at once: every migration must be
 * applied exactly once and every node must start.
 */
class ConcurrentSchemaMigrationIntegrationTests {

	private static final int NODES = 3;

	private static final int ROUNDS = 10;

	private static @Nullable String loggingSystem;

	/**
	 * Spring Boot re-initializes Logback as each application starts, which is not safe
	 * from several threads at once; the test's Logback configuration is enough here.
	 */
	@BeforeAll
	static void keepLoggingAsConfigured() {
		loggingSystem = System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
	}

	@AfterAll
	static void restoreLoggingSystem() {
		if (loggingSystem != null) {
			System.setProperty(LoggingSystem.SYSTEM_PROPERTY, loggingSystem);
		}
		else {
			System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
		}
	}

	@ParameterizedTest
	// MySQL 8: MySqlConcurrentSchemaMigrationIntegrationTests
	@EnumSource(value = TestDatabase.class, names = "MYSQL", mode = EnumSource.Mode.EXCLUDE)
	void nodesStartingTogetherOnAnEmptyDatabaseApplyEachMigrationOnce(TestDatabase testDatabase) throws Exception {
		try (ScratchDatabase database = ScratchDatabase.create(testDatabase, "concurrent")) {
			TestSchema schema = TestSchema.random();
			Recorder recorder = new Recorder();
			List<TestNode> nodes = together((i) -> () -> TestNode.on(database.createDataSource(), schema)
				.name("node-" + i)
				.bean(recorder)
				.bean(new TestHandlers(recorder, "node-" + i))
				.start());
			try {
				DataSource dataSource = database.createDataSource();
				assertMigratedOnce(dataSource, schema.prefix() + "schema_history");
				JobId id = nodes.get(0).jobs().enqueue("noop", null);
				await().atMost(Duration.ofSeconds(20))
					.until(() -> nodes.get(2).jobs().get(id).orElseThrow().status() == JobStatus.COMPLETED);
			}
			finally {
				nodes.forEach(TestNode::close);
			}
		}
	}

	@ParameterizedTest
	// MySQL 8: MySqlConcurrentSchemaMigrationIntegrationTests
	@EnumSource(value = TestDatabase.class, names = "MYSQL", mode = EnumSource.Mode.EXCLUDE)
	void migratorsRacingOnOneSchemaApplyEachMigrationOnce(TestDatabase testDatabase) throws Exception {
		try (ScratchDatabase database = ScratchDatabase.create(testDatabase, "concurrent")) {
			List<DataSource> pools = new ArrayList<>();
			for (int i = 0; i < NODES; i++) {
				pools.add(database.createDataSource());
			}
			SchemaVendor vendor = SchemaVendor.of(pools.get(0));
			// the first round finds an empty schema, the others one that holds tables
			for (int round = 0; round < ROUNDS; round++) {
				TablePrefix prefix = new TablePrefix("r" + round + "_");
				together((i) -> () -> {
					new JobsSchemaMigrator(pools.get(i), vendor, prefix, JobsSchemaMigrator.Mode.MIGRATE).migrate();
					return null;
				});
				assertMigratedOnce(pools.get(0), prefix.schemaHistory());
			}
		}
	}

	private static void assertMigratedOnce(DataSource dataSource, String historyTable) {
		assertThat(SchemaHistory.rows(dataSource, historyTable)).as(historyTable)
			.allSatisfy((row) -> assertThat(row.success()).isTrue());
		assertThat(SchemaHistory.migrations(dataSource, historyTable)).as(historyTable)
			.isEqualTo(SchemaHistory.scripts(SchemaVendor.of(dataSource)));
	}

	/**
	 * Run one task per node, released together, and return their results once all have
	 * finished; fails with the first failure.
	 */
	private static <T> List<T> together(IntFunction<Callable<T>> tasks) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(NODES);
		CyclicBarrier start = new CyclicBarrier(NODES);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < NODES; i++) {
				Callable<T> task = tasks.apply(i);
				futures.add(executor.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return task.call();
				}));
			}
			List<T> results = new ArrayList<>();
			List<Throwable> failures = new ArrayList<>();
			for (Future<T> future : futures) {
				try {
					results.add(future.get(2, TimeUnit.MINUTES));
				}
				catch (ExecutionException ex) {
					failures.add(ex.getCause());
				}
			}
			if (!failures.isEmpty()) {
				results.stream()
					.filter(AutoCloseable.class::isInstance)
					.forEach((result) -> closeQuietly((AutoCloseable) result));
				AssertionError error = new AssertionError(failures.size() + " of " + NODES + " failed",
						failures.get(0));
				failures.stream().skip(1).forEach(error::addSuppressed);
				throw error;
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already failing
		}
	}

}
