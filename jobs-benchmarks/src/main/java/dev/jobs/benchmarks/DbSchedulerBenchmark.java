package dev.jobs.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.MariaDBJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;

/**
 * db-scheduler, used as its README shows: its table created from its published DDL (on a
 * name of its own), a one-time task that does nothing, {@code lock-and-fetch} polling
 * every 100 ms with as many threads as the other libraries have workers. Cross-node
 * pickup: a {@link SchedulerClient} on a pool of its own schedules for the running
 * scheduler.
 */
class DbSchedulerBenchmark {

	private static final Duration POLL = Duration.ofMillis(100);

	private final Database database;

	private final Options options;

	private final String table;

	private final AtomicLong lastStart = new AtomicLong();

	private final Semaphore started = new Semaphore(0);

	private final AtomicLong sequence = new AtomicLong();

	private final OneTimeTask<Void> task = Tasks.oneTime("bench-noop").execute((instance, context) -> {
		this.lastStart.set(System.nanoTime());
		this.started.release();
	});

	DbSchedulerBenchmark(Database database, Options options, String prefix) {
		this.database = database;
		this.options = options;
		this.table = prefix + "scheduled_tasks";
	}

	void run(Results results) throws Exception {
		try (HikariDataSource dataSource = this.database.pool("db-scheduler", this.options.workers() + 4)) {
			try {
				createTable(dataSource);
				SchedulerClient.Builder clientBuilder = SchedulerClient.Builder.create(dataSource, this.task)
					.tableName(this.table);
				if (this.database.isMariaDb()) {
					clientBuilder.jdbcCustomization(new MariaDBJdbcCustomization(true));
				}
				SchedulerClient client = clientBuilder.build();
				AtomicReference<String> strategy = new AtomicReference<>();

				// warm-up: the same runs, smaller
				enqueue(client, this.options.warmup() / 10);
				clear(dataSource);
				bulkEnqueue(client, this.options.warmup());
				Scheduler warmup = scheduler(dataSource, strategy);
				warmup.start();
				burnDown(dataSource, this.options.warmup(), System.nanoTime());
				warmup.stop();
				clear(dataSource);

				// each round from an empty table, with a scheduler of its own started for
				// the burn-down; the single enqueue, the slowest, on a share of the jobs
				// (Options.enqueueJobs()); the last round's scheduler stays up for the
				// pickup
				int rounds = this.options.rounds();
				Scheduler scheduler = null;
				try {
					for (int round = 1; round <= rounds; round++) {
						clear(dataSource);
						results.throughput(Scenario.ENQUEUE, Library.DB_SCHEDULER,
								enqueue(client, this.options.enqueueJobs()), round, rounds);
						clear(dataSource);
						results.throughput(Scenario.BULK_ENQUEUE, Library.DB_SCHEDULER,
								bulkEnqueue(client, this.options.jobs()), round, rounds);
						scheduler = scheduler(dataSource, strategy);
						long start = System.nanoTime();
						scheduler.start();
						results.throughput(Scenario.BURN_DOWN, Library.DB_SCHEDULER,
								burnDown(dataSource, this.options.jobs(), start), round, rounds);
						if (round < rounds) {
							scheduler.stop();
							scheduler = null;
						}
					}
					pickup(results, scheduler);
					crossNodePickup(results);
				}
				finally {
					if (scheduler != null) {
						scheduler.stop();
					}
				}
				if (!"lock-and-fetch".equals(strategy.get())) {
					results.note("db-scheduler on " + this.database.name() + ": " + strategy.get());
				}
			}
			finally {
				try (Connection connection = dataSource.getConnection();
						Statement statement = connection.createStatement()) {
					statement.execute("DROP TABLE IF EXISTS " + this.table);
				}
			}
		}
	}

	private Scheduler scheduler(DataSource dataSource, AtomicReference<String> strategy) {
		try {
			Scheduler scheduler = builder(dataSource).pollUsingLockAndFetch(0.5, 1.0).build();
			strategy.set("lock-and-fetch");
			return scheduler;
		}
		catch (RuntimeException ex) {
			// db-scheduler supports lock-and-fetch only where its dialect does; elsewhere
			// its
			// default strategy
			strategy.set("lock-and-fetch is not supported here (" + ex.getMessage()
					+ "), so its default fetch-and-lock-on-execute strategy is used");
			return builder(dataSource).build();
		}
	}

	private SchedulerBuilder builder(DataSource dataSource) {
		SchedulerBuilder builder = Scheduler.create(dataSource, this.task)
			.tableName(this.table)
			.threads(this.options.workers())
			.pollingInterval(POLL)
			.heartbeatInterval(Duration.ofSeconds(10))
			.shutdownMaxWait(Duration.ofSeconds(5));
		// db-scheduler asks for UTC timestamps on MariaDB, whose TIMESTAMP has no zone
		return this.database.isMariaDb() ? builder.jdbcCustomization(new MariaDBJdbcCustomization(true)) : builder;
	}

	private TaskInstance<Void> instance() {
		return this.task.instance("job-" + this.sequence.incrementAndGet());
	}

	private Run enqueue(SchedulerClient client, int count) {
		long start = System.nanoTime();
		long deadline = start + this.options.timeLimit().toNanos();
		int done = 0;
		while (done < count && System.nanoTime() < deadline) {
			client.schedule(instance(), Instant.now());
			done++;
		}
		return new Run(done, System.nanoTime() - start, done < count);
	}

	private Run bulkEnqueue(SchedulerClient client, int count) {
		long start = System.nanoTime();
		long deadline = start + this.options.timeLimit().toNanos();
		int done = 0;
		while (done < count && System.nanoTime() < deadline) {
			List<TaskInstance<?>> batch = new ArrayList<>();
			for (int i = done; i < Math.min(count, done + 500); i++) {
				batch.add(instance());
			}
			client.scheduleBatch(batch, Instant.now());
			done += batch.size();
		}
		return new Run(done, System.nanoTime() - start, done < count);
	}

	/**
	 * One-time tasks are deleted when they complete: the run ends when the table is
	 * empty.
	 */
	private Run burnDown(DataSource dataSource, int count, long start) {
		return Timing.await(start, count, () -> count - remaining(dataSource), this.options.timeLimit(),
				Timing.COUNT_PAUSE);
	}

	private void pickup(Results results, Scheduler scheduler) throws InterruptedException {
		long[] samples = Timing.pickup(this.options.pickupSamples(), Timing.LOCAL_PAUSE, this.options.timeLimit(),
				Duration.ofSeconds(10), () -> scheduler.schedule(instance(), Instant.now()), this.started,
				this.lastStart);
		results.pickup(Library.DB_SCHEDULER, false, samples, this.options.pickupSamples());
	}

	/**
	 * Node A, a {@link SchedulerClient} on a pool of its own, schedules; the running
	 * scheduler (node B) runs the jobs.
	 */
	private void crossNodePickup(Results results) throws InterruptedException {
		try (HikariDataSource dataSource = this.database.pool("db-scheduler-a", 2)) {
			SchedulerClient.Builder builder = SchedulerClient.Builder.create(dataSource, this.task)
				.tableName(this.table);
			if (this.database.isMariaDb()) {
				builder.jdbcCustomization(new MariaDBJdbcCustomization(true));
			}
			SchedulerClient client = builder.build();
			long[] samples = Timing.pickup(this.options.pickupSamples(), POLL, this.options.timeLimit(),
					Duration.ofSeconds(10), () -> client.schedule(instance(), Instant.now()), this.started,
					this.lastStart);
			results.pickup(Library.DB_SCHEDULER, true, samples, this.options.pickupSamples());
		}
	}

	private long remaining(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + this.table)) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void clear(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.executeUpdate("DELETE FROM " + this.table);
		}
	}

	private void createTable(DataSource dataSource) throws SQLException, IOException {
		String ddl;
		try (InputStream in = DbSchedulerBenchmark.class
			.getResourceAsStream("/db-scheduler/" + this.database.name() + ".sql")) {
			ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${table}", this.table);
		}
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
				if (!sql.isBlank()) {
					statement.execute(sql);
				}
			}
		}
	}

}
