package dev.jobs.store.jdbc;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;

import dev.jobs.Job;
import dev.jobs.JobExecution;
import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.autoconfigure.JobsAutoConfiguration;
import dev.jobs.testsupport.SchemaHistory;
import dev.jobs.testsupport.ScratchDatabase;
import dev.jobs.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the starter manages its schema ({@code jobs.schema.*}), run on every supported
 * database by the subclasses, each test on a new empty database.
 */
abstract class JobsSchemaContractTests {

	private static final String HISTORY = "jobs_schema_history";

	private ScratchDatabase database;

	private DataSource dataSource;

	protected abstract TestDatabase testDatabase();

	@BeforeEach
	void createEmptyDatabase() {
		this.database = ScratchDatabase.create(testDatabase(), "schema");
		this.dataSource = this.database.createDataSource();
	}

	@AfterEach
	void dropDatabase() {
		if (this.database != null) {
			this.database.close();
		}
	}

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
					JobsAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.database.url(), "jobs.worker.enabled=false");
	}

	@Test
	void migrateCreatesTheTablesAndAHistoryOfItsOwn() {
		contextRunner().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(tables("")).containsExactly("jobs_cluster_state", "jobs_job", "jobs_job_execution",
					"jobs_job_log", "jobs_node", "jobs_queue", "jobs_recurring_job", HISTORY);
			assertThat(SchemaHistory.rows(this.dataSource, HISTORY)).allSatisfy((row) -> {
				assertThat(row.type()).isNotEqualTo("BASELINE");
				assertThat(row.success()).isTrue();
			});
			assertThat(migrations(HISTORY)).isEqualTo(scripts());
		});
	}

	@Test
	void migrateUsesTheConfiguredTablePrefix() {
		contextRunner().withPropertyValues("jobs.schema.table-prefix=acme_").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(tables("")).containsExactly("acme_cluster_state", "acme_job", "acme_job_execution",
					"acme_job_log", "acme_node", "acme_queue", "acme_recurring_job", "acme_schema_history");
			assertThat(migrations("acme_schema_history")).isEqualTo(scripts());
			Jobs jobs = context.getBean(Jobs.class);
			assertThat(jobs.get(jobs.enqueue("anything", "payload"))).isPresent();
		});
	}

	@Test
	void migrateAcceptsAMixedCaseTablePrefix() {
		contextRunner().withPropertyValues("jobs.schema.table-prefix=Acme_Jobs_").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(migrations("Acme_Jobs_schema_history")).isEqualTo(scripts());
			Jobs jobs = context.getBean(Jobs.class);
			assertThat(jobs.get(jobs.enqueue("anything", "payload"))).isPresent();
		});
		contextRunner().withPropertyValues("jobs.schema.table-prefix=Acme_Jobs_", "jobs.schema.mode=validate")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void migratingTwiceChangesNothing() {
		AtomicReference<JobId> id = new AtomicReference<>();
		contextRunner().run((context) -> id.set(context.getBean(Jobs.class).enqueue("anything", "payload")));
		List<SchemaHistory.Row> history = SchemaHistory.rows(this.dataSource, HISTORY);
		contextRunner().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Jobs.class).get(id.get())).isPresent();
		});
		assertThat(SchemaHistory.rows(this.dataSource, HISTORY)).isEqualTo(history);
		assertThat(tables("")).containsExactly("jobs_cluster_state", "jobs_job", "jobs_job_execution", "jobs_job_log",
				"jobs_node", "jobs_queue", "jobs_recurring_job", HISTORY);
	}

	@Test
	void migratesASchemaThatAlreadyHoldsTheApplicationsTables() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		jdbc.execute("CREATE TABLE customer (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL)");
		jdbc.update("INSERT INTO customer (id, name) VALUES (1, 'Ada')");
		contextRunner().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(tables("")).containsExactly("customer", "jobs_cluster_state", "jobs_job", "jobs_job_execution",
					"jobs_job_log", "jobs_node", "jobs_queue", "jobs_recurring_job", HISTORY);
			assertThat(migrations(HISTORY)).isEqualTo(scripts());
			assertThat(jdbc.queryForObject("SELECT name FROM customer WHERE id = 1", String.class)).isEqualTo("Ada");
			Jobs jobs = context.getBean(Jobs.class);
			assertThat(jobs.get(jobs.enqueue("anything", "payload"))).isPresent();
		});
	}

	@Test
	void twoTablePrefixesLiveSideBySideWithHistoriesOfTheirOwn() {
		contextRunner().withPropertyValues("jobs.schema.table-prefix=one_").run((context) -> {
			assertThat(context).hasNotFailed();
		});
		contextRunner().withPropertyValues("jobs.schema.table-prefix=two_").run((context) -> {
			assertThat(context).hasNotFailed();
		});
		assertThat(migrations("one_schema_history")).isEqualTo(scripts());
		assertThat(migrations("two_schema_history")).isEqualTo(scripts());
		assertThat(tables("")).containsExactly("one_cluster_state", "one_job", "one_job_execution", "one_job_log",
				"one_node", "one_queue", "one_recurring_job", "one_schema_history", "two_cluster_state", "two_job",
				"two_job_execution", "two_job_log", "two_node", "two_queue", "two_recurring_job", "two_schema_history");
	}

	@Test
	void validateFailsOnAnEmptySchemaNamingTheHistoryTableAndTheMode() {
		contextRunner().withPropertyValues("jobs.schema.mode=validate").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(HISTORY)
				.hasMessageContaining("jobs.schema.mode")
				.hasMessageContaining("is not applied");
		});
		assertThat(tables("")).isEmpty();
	}

	@Test
	void validatePassesAfterMigrate() {
		contextRunner().run((context) -> assertThat(context).hasNotFailed());
		List<SchemaHistory.Row> history = SchemaHistory.rows(this.dataSource, HISTORY);
		contextRunner().withPropertyValues("jobs.schema.mode=validate").run((context) -> {
			assertThat(context).hasNotFailed();
			Jobs jobs = context.getBean(Jobs.class);
			assertThat(jobs.get(jobs.enqueue("anything", "payload"))).isPresent();
		});
		assertThat(SchemaHistory.rows(this.dataSource, HISTORY)).isEqualTo(history);
	}

	@Test
	void noneModeTouchesNothing() throws Exception {
		contextRunner().run((context) -> assertThat(context).hasNotFailed());
		// Flyway creates its history table with a quoted name
		String quote = JdbcUtils.extractDatabaseMetaData(this.dataSource,
				java.sql.DatabaseMetaData::getIdentifierQuoteString);
		new JdbcTemplate(this.dataSource).execute("DROP TABLE " + quote + HISTORY + quote);
		contextRunner().withPropertyValues("jobs.schema.mode=none").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(Jobs.class);
			assertThat(tables("")).doesNotContain(HISTORY);
		});
	}

	@Test
	void instantsRoundTripExactlyWhateverTheSessionTimeZone() {
		Instant runAt = Instant.parse("2031-03-30T01:30:00.123456Z");
		Instant before = Instant.now().minus(Duration.ofMinutes(1));
		AtomicReference<JobId> later = new AtomicReference<>();
		AtomicReference<Job> written = new AtomicReference<>();
		contextRunner().withUserConfiguration(NoopHandlerConfiguration.class)
			.withPropertyValues(sessionTimeZone("Asia/Kathmandu", "+05:45"), "jobs.worker.enabled=true",
					"jobs.worker.poll-interval=100ms")
			.run((context) -> {
				Jobs jobs = context.getBean(Jobs.class);
				later.set(jobs.enqueue(JobRequest.of("later").runAt(runAt)));
				Job job = jobs.get(later.get()).orElseThrow();
				assertThat(job.runAt()).isEqualTo(runAt);
				assertThat(job.status()).isEqualTo(JobStatus.SCHEDULED);
				assertThat(job.createdAt()).isBetween(before, Instant.now().plus(Duration.ofMinutes(1)));
				written.set(job);
				JobId now = jobs.enqueue("noop", null);
				await().atMost(Duration.ofSeconds(20))
					.until(() -> jobs.get(now).orElseThrow().status() == JobStatus.COMPLETED);
				Job done = jobs.get(now).orElseThrow();
				assertThat(done.startedAt()).isBetween(done.createdAt(), done.finishedAt());
				assertThat(done.finishedAt()).isBetween(before, Instant.now().plus(Duration.ofMinutes(1)));
				JobExecution execution = jobs.history(now).get(0);
				assertThat(execution.startedAt()).isBetween(before, execution.finishedAt());
			});
		contextRunner().withPropertyValues(sessionTimeZone("America/Los_Angeles", "-08:00")).run((context) -> {
			Job job = context.getBean(Jobs.class).get(later.get()).orElseThrow();
			assertThat(job.runAt()).isEqualTo(runAt);
			assertThat(job.createdAt()).isEqualTo(written.get().createdAt());
		});
		assertThat(storedAsUtc(later.get(), "run_at")).isEqualTo(runAt);
	}

	/**
	 * The connection init SQL that gives every session a time zone other than the
	 * server's, as a server whose time zone is {@code SYSTEM} on a host outside UTC
	 * would.
	 */
	private String sessionTimeZone(String zone, String offset) {
		String sql = switch (testDatabase()) {
			case H2 -> "SET TIME ZONE '" + zone + "'";
			case POSTGRESQL -> "SET TIME ZONE '" + zone + "'";
			case MARIADB, MYSQL -> "SET time_zone = '" + offset + "'";
		};
		return "spring.datasource.hikari.connection-init-sql=" + sql;
	}

	/**
	 * Read a column the way another client would: a {@code DATETIME} on MySQL must hold
	 * the UTC wall-clock time, a {@code TIMESTAMP WITH TIME ZONE} elsewhere the instant.
	 */
	private Instant storedAsUtc(JobId id, String column) {
		boolean mysql = SchemaVendor.of(this.dataSource) == SchemaVendor.MYSQL;
		Object key = mysql ? id.toString() : id.value();
		return new JdbcTemplate(this.dataSource).queryForObject("SELECT " + column + " FROM jobs_job WHERE id = ?",
				(ResultSet rs, int rowNum) -> mysql
						? rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC)
						: rs.getObject(column, OffsetDateTime.class).toInstant(),
				key);
	}

	private List<String> tables(String prefix) {
		return SchemaHistory.tables(this.dataSource, prefix);
	}

	private List<String> migrations(String historyTable) {
		return SchemaHistory.migrations(this.dataSource, historyTable);
	}

	private List<String> scripts() {
		return SchemaHistory.scripts(SchemaVendor.of(this.dataSource));
	}

	static class NoopHandler {

		@JobHandler("noop")
		void noop() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoopHandlerConfiguration {

		@Bean
		NoopHandler noopHandler() {
			return new NoopHandler();
		}

	}

}
