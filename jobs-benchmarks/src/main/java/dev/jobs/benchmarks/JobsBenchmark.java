package dev.jobs.benchmarks;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.jobs.JobHandler;
import dev.jobs.JobRequest;
import dev.jobs.JobWorker;
import dev.jobs.Jobs;
import dev.jobs.event.JobCompletedEvent;

/**
 * This project's starter, in a real non-web Spring Boot context on a table prefix of its
 * own, with a no-op {@code @JobHandler}. Cross-node pickup: a second context on the same
 * tables with {@code jobs.worker.enabled=false} enqueues for the running worker.
 */
class JobsBenchmark {

	private static final String NAME = "bench-noop";

	/**
	 * The name of the large-backlog run's template row: no handler runs it.
	 */
	private static final String TEMPLATE = "bench-backlog-template";

	private final Database database;

	private final Options options;

	private final String prefix;

	JobsBenchmark(Database database, Options options, String prefix) {
		this.database = database;
		this.options = options;
		this.prefix = prefix + "jobs_";
	}

	void run(Results results) throws Exception {
		try (HikariDataSource dataSource = this.database.pool("jobs", this.options.workers() + 8)) {
			try (ConfigurableApplicationContext context = context(dataSource, Map.of())) {
				Jobs jobs = context.getBean(Jobs.class);
				JobWorker worker = context.getBean(JobWorker.class);
				NoopHandler handler = context.getBean(NoopHandler.class);
				JdbcTemplate jdbc = new JdbcTemplate(dataSource);

				// warm-up: the same runs, smaller
				enqueue(jobs, this.options.warmup() / 10);
				clear(jdbc);
				bulkEnqueue(jobs, this.options.warmup());
				worker.start();
				burnDown(handler, this.options.warmup(), System.nanoTime());
				worker.stop();
				clear(jdbc);

				// each round from an empty table, with the worker stopped until the
				// burn-down; the single enqueue, the slowest, on a share of the jobs
				// (Options.enqueueJobs()); the last round's worker stays up for the
				// pickup
				int rounds = this.options.rounds();
				for (int round = 1; round <= rounds; round++) {
					clear(jdbc);
					results.throughput(Scenario.ENQUEUE, Library.JOBS, enqueue(jobs, this.options.enqueueJobs()), round,
							rounds);
					clear(jdbc);
					results.throughput(Scenario.BULK_ENQUEUE, Library.JOBS, bulkEnqueue(jobs, this.options.jobs()),
							round, rounds);
					handler.completed.drainPermits();
					long start = System.nanoTime();
					worker.start();
					results.throughput(Scenario.BURN_DOWN, Library.JOBS, burnDown(handler, this.options.jobs(), start),
							round, rounds);
					if (round < rounds) {
						worker.stop();
					}
				}
				results.pickup(Library.JOBS, false, pickup(jobs, handler), this.options.pickupSamples());
				crossNodePickup(results, handler, context.getEnvironment()
					.getProperty("jobs.worker.poll-interval", Duration.class, Duration.ofSeconds(1)));
				worker.stop();
			}
			finally {
				drop(new JdbcTemplate(dataSource));
			}
		}
	}

	/**
	 * The large-backlog run: a fresh context on empty tables, filled with finished rows
	 * spread over the last 14 days and due pending ones; then the burn-down of the due
	 * ones.
	 */
	void backlog(Results results) throws Exception {
		try (HikariDataSource dataSource = this.database.pool("jobs-backlog", this.options.workers() + 8)) {
			try (ConfigurableApplicationContext context = context(dataSource, Map.of())) {
				Jobs jobs = context.getBean(Jobs.class);
				JobWorker worker = context.getBean(JobWorker.class);
				NoopHandler handler = context.getBean(NoopHandler.class);
				JdbcTemplate jdbc = new JdbcTemplate(dataSource);
				long filling = System.nanoTime();
				fill(jobs, dataSource, jdbc);
				jdbc.execute(Backlog.analyze(this.database, table()));
				long due = count(jdbc, "status = 'PENDING' AND name = '" + NAME + "'");
				long finished = count(jdbc, "status = 'COMPLETED'");
				System.out.println(String.format(Locale.ROOT,
						"  %-20s backlog: %,d completed + %,d due rows, filled and analyzed in %,d ms",
						Library.JOBS.label(), finished, due, (System.nanoTime() - filling) / 1_000_000));
				if (this.database.isPostgreSql()) {
					explain(results, jdbc);
				}
				handler.completed.drainPermits();
				long start = System.nanoTime();
				worker.start();
				results.throughput(Scenario.BACKLOG_BURN_DOWN, Library.JOBS,
						burnDown(handler, this.options.backlogDue(), start));
				results.ownRatio(Scenario.BACKLOG_RATIO, Library.JOBS, Scenario.BACKLOG_BURN_DOWN, Scenario.BURN_DOWN);
				worker.stop();
			}
			finally {
				drop(new JdbcTemplate(dataSource));
			}
		}
	}

	private ConfigurableApplicationContext context(HikariDataSource dataSource, Map<String, Object> overrides) {
		Map<String, Object> properties = new HashMap<>(Map.of("jobs.worker.concurrency", this.options.workers(),
				"jobs.worker.auto-start", false, "jobs.schema.table-prefix", this.prefix, "spring.main.banner-mode",
				"off", "logging.level.root", "WARN"));
		properties.putAll(overrides);
		return new SpringApplicationBuilder(BenchmarkApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties(properties)
			.initializers((applicationContext) -> applicationContext.getBeanFactory()
				.registerSingleton("dataSource", dataSource))
			.run();
	}

	/**
	 * Node A, a second context on the same database and table prefix with
	 * {@code jobs.worker.enabled=false} and a pool of its own, enqueues; node B, this
	 * benchmark's running worker, runs the jobs. The poll interval is left at its
	 * default; the random pause before each sample is up to one poll interval.
	 */
	private void crossNodePickup(Results results, NoopHandler handler, Duration pollInterval)
			throws InterruptedException {
		try (HikariDataSource dataSource = this.database.pool("jobs-a", 4);
				ConfigurableApplicationContext context = context(dataSource, Map.of("jobs.worker.enabled", false))) {
			Jobs jobs = context.getBean(Jobs.class);
			long[] samples = Timing.pickup(this.options.pickupSamples(), pollInterval, this.options.timeLimit(),
					Duration.ofSeconds(10), () -> jobs.enqueue(NAME, null), handler.started, handler.lastStart);
			results.pickup(Library.JOBS, true, samples, this.options.pickupSamples());
		}
	}

	/**
	 * Fill the table with set-based {@code INSERT ... SELECT}s that copy a template row,
	 * enqueued through the API under a name of its own and deleted afterwards, so that
	 * every column holds what an enqueue writes (queue, priority, attempts and so on)
	 * except those set here.
	 */
	private void fill(Jobs jobs, DataSource dataSource, JdbcTemplate jdbc) throws SQLException, InterruptedException {
		jobs.enqueue(TEMPLATE, null);
		List<String> columns = jdbc.query("SELECT * FROM " + table() + " WHERE 1 = 0", (rows) -> {
			List<String> names = new ArrayList<>();
			for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
				names.add(rows.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
			}
			return names;
		});
		String now = Backlog.now(this.database);
		String finishedAt = Backlog.before(this.database, now,
				Backlog.step(Backlog.FINISHED_SPAN, this.options.backlogFinished()));
		Map<String, String> finished = Map.of("id", Backlog.uuid(this.database), "name", "'" + NAME + "'", "status",
				"'COMPLETED'", "attempts", "1", "created_at", finishedAt, "run_at", finishedAt, "started_at",
				finishedAt, "finished_at", finishedAt);
		String runAt = Backlog.before(this.database, now, Backlog.step(Backlog.DUE_SPAN, this.options.backlogDue()));
		Map<String, String> due = Map.of("id", Backlog.uuid(this.database), "name", "'" + NAME + "'", "created_at",
				runAt, "run_at", runAt);
		List<String> statements = new ArrayList<>();
		statements.addAll(Backlog.chunks(this.database, this.options.backlogFinished(),
				(series) -> copy(columns, finished, series)));
		statements
			.addAll(Backlog.chunks(this.database, this.options.backlogDue(), (series) -> copy(columns, due, series)));
		Backlog.fill(this.database, dataSource, statements, (connection, sql) -> {
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate(sql);
			}
		});
		jdbc.update("DELETE FROM " + table() + " WHERE name = '" + TEMPLATE + "'");
	}

	private String copy(List<String> columns, Map<String, String> values, String series) {
		String select = columns.stream()
			.map((column) -> values.getOrDefault(column, "t." + column))
			.collect(Collectors.joining(", "));
		return "INSERT INTO " + table() + " (" + String.join(", ", columns) + ") SELECT " + select + " FROM " + table()
				+ " t CROSS JOIN " + series + " WHERE t.name = '" + TEMPLATE + "'";
	}

	/**
	 * Print PostgreSQL's plan of the worker's claim query with the backlog in place.
	 */
	private void explain(Results results, JdbcTemplate jdbc) {
		List<String> plan = jdbc
			.queryForList(
					"EXPLAIN SELECT * FROM " + table() + " WHERE status = 'PENDING' AND run_at <= now() AND name IN ('"
							+ NAME + "')" + " ORDER BY priority, run_at LIMIT 100 FOR UPDATE SKIP LOCKED",
					String.class);
		System.out.println("  " + Library.JOBS.label() + " claim query plan behind the backlog:");
		plan.forEach((line) -> System.out.println("    " + line));
		boolean indexScan = Backlog.indexScan(plan);
		System.out.println("    index scan: " + (indexScan ? "yes" : "no"));
		results.note(Library.JOBS.label() + ", claim query behind the backlog (EXPLAIN after ANALYZE): index scan: "
				+ (indexScan ? "yes" : "no") + " (" + Backlog.nodes(plan) + ")");
	}

	private long count(JdbcTemplate jdbc, String where) {
		Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table() + " WHERE " + where, Long.class);
		return (count != null) ? count : 0;
	}

	private String table() {
		return this.prefix + "job";
	}

	private Run enqueue(Jobs jobs, int count) {
		long start = System.nanoTime();
		long deadline = start + this.options.timeLimit().toNanos();
		int done = 0;
		while (done < count && System.nanoTime() < deadline) {
			jobs.enqueue(NAME, null);
			done++;
		}
		return new Run(done, System.nanoTime() - start, done < count);
	}

	private Run bulkEnqueue(Jobs jobs, int count) {
		long start = System.nanoTime();
		long deadline = start + this.options.timeLimit().toNanos();
		int done = 0;
		while (done < count && System.nanoTime() < deadline) {
			List<JobRequest> batch = new ArrayList<>();
			for (int i = done; i < Math.min(count, done + 500); i++) {
				batch.add(JobRequest.of(NAME));
			}
			jobs.enqueueAll(batch);
			done += batch.size();
		}
		return new Run(done, System.nanoTime() - start, done < count);
	}

	private Run burnDown(NoopHandler handler, int count, long start) throws InterruptedException {
		long deadline = start + this.options.timeLimit().toNanos();
		int done = 0;
		while (done < count) {
			long left = deadline - System.nanoTime();
			if (left <= 0 || !handler.completed.tryAcquire(left, TimeUnit.NANOSECONDS)) {
				return new Run(done, System.nanoTime() - start, true);
			}
			done++;
		}
		return new Run(count, System.nanoTime() - start, false);
	}

	private long[] pickup(Jobs jobs, NoopHandler handler) throws InterruptedException {
		return Timing.pickup(this.options.pickupSamples(), Timing.LOCAL_PAUSE, this.options.timeLimit(),
				Duration.ofSeconds(10), () -> jobs.enqueue(NAME, null), handler.started, handler.lastStart);
	}

	private void clear(JdbcTemplate jdbc) {
		for (String table : List.of("job_log", "job_execution", "job")) {
			jdbc.update("DELETE FROM " + this.prefix + table);
		}
	}

	private void drop(JdbcTemplate jdbc) {
		for (String table : List.of("job_log", "job_execution", "job", "node", "queue", "cluster_state",
				"recurring_job", "schema_history")) {
			jdbc.execute("DROP TABLE IF EXISTS " + this.prefix + table);
		}
		if (this.database.isH2()) {
			// Flyway quotes its history table's name, which H2 then keeps in lower case
			jdbc.execute("DROP TABLE IF EXISTS \"" + this.prefix + "schema_history\"");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class BenchmarkApplication {

		@Bean
		NoopHandler noopHandler() {
			return new NoopHandler();
		}

	}

	static class NoopHandler {

		final Semaphore completed = new Semaphore(0);

		final Semaphore started = new Semaphore(0);

		final AtomicLong lastStart = new AtomicLong();

		@JobHandler(NAME)
		void run() {
			this.lastStart.set(System.nanoTime());
			this.started.release();
		}

		@EventListener
		void completed(JobCompletedEvent event) {
			if (NAME.equals(event.name())) {
				this.completed.release();
			}
		}

	}

}
