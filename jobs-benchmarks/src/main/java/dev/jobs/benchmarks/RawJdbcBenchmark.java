package dev.jobs.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The floor: a jobs table of its own and the plainest JDBC loops that enqueue and work it
 * off. Claims take 100 due rows with {@code FOR UPDATE SKIP LOCKED} and mark them
 * running; the batched loop then completes them in one statement, the per-job loop
 * commits each completion on its own.
 */
class RawJdbcBenchmark {

	private static final int CLAIM = 100;

	private static final int BATCH = 500;

	private final Database database;

	private final Options options;

	private final String table;

	RawJdbcBenchmark(Database database, Options options, String prefix) {
		this.database = database;
		this.options = options;
		this.table = prefix + "raw_job";
	}

	void run(Results results) throws Exception {
		try (HikariDataSource dataSource = this.database.pool("raw", this.options.workers() + 2)) {
			try {
				createTable(dataSource);
				// warm-up
				bulkEnqueue(dataSource, this.options.warmup());
				burnDown(dataSource, this.options.warmup(), true);
				enqueue(dataSource, this.options.warmup() / 10);
				clear(dataSource);

				// each round from an empty table; the single enqueue, the slowest, on a
				// share of the jobs (Options.enqueueJobs())
				int rounds = this.options.rounds();
				for (int round = 1; round <= rounds; round++) {
					clear(dataSource);
					results.throughput(Scenario.ENQUEUE, Library.RAW_PER_JOB,
							enqueue(dataSource, this.options.enqueueJobs()), round, rounds);
					clear(dataSource);
					results.throughput(Scenario.BULK_ENQUEUE, Library.RAW_BATCHED,
							bulkEnqueue(dataSource, this.options.jobs()), round, rounds);
					results.throughput(Scenario.BURN_DOWN, Library.RAW_BATCHED,
							burnDown(dataSource, this.options.jobs(), true), round, rounds);
					clear(dataSource);
					bulkEnqueue(dataSource, this.options.jobs());
					results.throughput(Scenario.BURN_DOWN, Library.RAW_PER_JOB,
							burnDown(dataSource, this.options.jobs(), false), round, rounds);
				}
				// one process, one node: there is no other node to pick up from
				for (Scenario scenario : List.of(Scenario.PICKUP_REMOTE_P50, Scenario.PICKUP_REMOTE_P95,
						Scenario.PICKUP_REMOTE_P99)) {
					results.mark(scenario, Library.RAW_BATCHED, "–");
					results.mark(scenario, Library.RAW_PER_JOB, "–");
				}
			}
			finally {
				dropTable(dataSource);
			}
		}
	}

	/**
	 * The large-backlog run, batched loop: a fresh table filled with done rows spread
	 * over the last 14 days and due pending ones, then the burn-down of the due ones.
	 */
	void backlog(Results results) throws Exception {
		try (HikariDataSource dataSource = this.database.pool("raw-backlog", this.options.workers() + 2)) {
			try {
				createTable(dataSource);
				long filling = System.nanoTime();
				Timestamp now = new Timestamp(System.currentTimeMillis());
				String base = Backlog.parameter(this.database);
				String doneAt = Backlog.before(this.database, base,
						Backlog.step(Backlog.FINISHED_SPAN, this.options.backlogFinished()));
				String runAt = Backlog.before(this.database, base,
						Backlog.step(Backlog.DUE_SPAN, this.options.backlogDue()));
				List<String> statements = new ArrayList<>();
				statements.addAll(Backlog.chunks(this.database, this.options.backlogFinished(),
						(series) -> "INSERT INTO " + this.table + " (name, payload, status, run_at, created_at)"
								+ " SELECT 'noop', NULL, 'DONE', " + doneAt + ", " + doneAt + " FROM " + series));
				statements.addAll(Backlog.chunks(this.database, this.options.backlogDue(),
						(series) -> "INSERT INTO " + this.table + " (name, payload, status, run_at, created_at)"
								+ " SELECT 'noop', NULL, 'PENDING', " + runAt + ", " + runAt + " FROM " + series));
				Backlog.fill(this.database, dataSource, statements, (connection, sql) -> {
					try (PreparedStatement insert = connection.prepareStatement(sql)) {
						insert.setTimestamp(1, now);
						insert.setTimestamp(2, now);
						insert.executeUpdate();
					}
				});
				try (Connection connection = dataSource.getConnection();
						Statement statement = connection.createStatement()) {
					statement.execute(Backlog.analyze(this.database, this.table));
				}
				System.out.println(String.format(Locale.ROOT,
						"  %-20s backlog: %,d done + %,d due rows, filled and analyzed in %,d ms",
						Library.RAW_BATCHED.label(), this.options.backlogFinished(), this.options.backlogDue(),
						(System.nanoTime() - filling) / 1_000_000));
				results.throughput(Scenario.BACKLOG_BURN_DOWN, Library.RAW_BATCHED,
						burnDown(dataSource, this.options.backlogDue(), true));
				results.ownRatio(Scenario.BACKLOG_RATIO, Library.RAW_BATCHED, Scenario.BACKLOG_BURN_DOWN,
						Scenario.BURN_DOWN);
			}
			finally {
				dropTable(dataSource);
			}
		}
	}

	private void dropTable(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS " + this.table);
		}
	}

	private void createTable(DataSource dataSource) throws SQLException {
		String id = this.database.isMariaDb() ? "BIGINT AUTO_INCREMENT PRIMARY KEY"
				: "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE " + this.table + " (id " + id
					+ ", name VARCHAR(100) NOT NULL, payload VARCHAR(1000), status VARCHAR(16) NOT NULL,"
					+ " run_at TIMESTAMP(6) NOT NULL, created_at TIMESTAMP(6) NOT NULL)");
			statement.execute("CREATE INDEX " + this.table + "_claim ON " + this.table + " (status, run_at, id)");
		}
	}

	private void clear(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.executeUpdate("DELETE FROM " + this.table);
		}
	}

	private String insert() {
		return "INSERT INTO " + this.table
				+ " (name, payload, status, run_at, created_at) VALUES ('noop', NULL, 'PENDING', ?, ?)";
	}

	private Run enqueue(DataSource dataSource, int count) throws SQLException {
		long start = System.nanoTime();
		long deadline = start + this.options.timeLimit().toNanos();
		int done = 0;
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(insert())) {
			connection.setAutoCommit(true);
			while (done < count && System.nanoTime() < deadline) {
				Timestamp now = new Timestamp(System.currentTimeMillis());
				statement.setTimestamp(1, now);
				statement.setTimestamp(2, now);
				statement.executeUpdate();
				done++;
			}
		}
		return new Run(done, System.nanoTime() - start, done < count);
	}

	private Run bulkEnqueue(DataSource dataSource, int count) throws SQLException {
		long start = System.nanoTime();
		long deadline = start + this.options.timeLimit().toNanos();
		int done = 0;
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(insert())) {
			connection.setAutoCommit(false);
			while (done < count && System.nanoTime() < deadline) {
				int batch = Math.min(BATCH, count - done);
				Timestamp now = new Timestamp(System.currentTimeMillis());
				for (int i = 0; i < batch; i++) {
					statement.setTimestamp(1, now);
					statement.setTimestamp(2, now);
					statement.addBatch();
				}
				statement.executeBatch();
				connection.commit();
				done += batch;
			}
			connection.setAutoCommit(true);
		}
		return new Run(done, System.nanoTime() - start, done < count);
	}

	private Run burnDown(DataSource dataSource, int count, boolean batched) throws Exception {
		AtomicLong done = new AtomicLong();
		long start = System.nanoTime();
		long deadline = start + this.options.timeLimit().toNanos();
		ExecutorService executor = Executors.newFixedThreadPool(this.options.workers());
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int i = 0; i < this.options.workers(); i++) {
				workers.add(executor.submit(() -> {
					work(dataSource, batched, done, deadline);
					return null;
				}));
			}
			Exception failure = null;
			for (Future<?> worker : workers) {
				try {
					worker.get();
				}
				catch (ExecutionException ex) {
					failure = (failure != null) ? failure : ex;
				}
			}
			if (failure != null) {
				throw failure;
			}
		}
		finally {
			executor.shutdownNow();
		}
		long jobs = done.get();
		return new Run(jobs, System.nanoTime() - start, jobs < count);
	}

	private void work(DataSource dataSource, boolean batched, AtomicLong done, long deadline) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			while (System.nanoTime() < deadline) {
				try {
					if (!round(connection, batched, done)) {
						break;
					}
				}
				catch (SQLTransactionRollbackException ex) {
					// a deadlock (MariaDB, among the index locks of concurrent claims): a
					// real
					// loop rolls back and claims again, and so does this one
					connection.rollback();
				}
			}
			connection.setAutoCommit(true);
		}
	}

	/**
	 * Claim, run and complete one batch.
	 * @return whether there was anything to claim
	 */
	private boolean round(Connection connection, boolean batched, AtomicLong done) throws SQLException {
		String claim = "SELECT id FROM " + this.table + " WHERE status = 'PENDING' AND run_at <= ? ORDER BY run_at, id"
				+ " LIMIT " + CLAIM + " FOR UPDATE SKIP LOCKED";
		List<Long> ids = new ArrayList<>(CLAIM);
		try (PreparedStatement select = connection.prepareStatement(claim)) {
			select.setTimestamp(1, new Timestamp(System.currentTimeMillis()));
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getLong(1));
				}
			}
		}
		if (ids.isEmpty()) {
			connection.commit();
			return false;
		}
		String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
		try (Statement update = connection.createStatement()) {
			update.executeUpdate("UPDATE " + this.table + " SET status = 'RUNNING' WHERE id IN (" + in + ")");
		}
		connection.commit();
		// the no-op jobs run here
		if (batched) {
			complete(connection, "UPDATE " + this.table + " SET status = 'DONE' WHERE id IN (" + in + ")");
			done.addAndGet(ids.size());
		}
		else {
			for (Long id : ids) {
				complete(connection, "UPDATE " + this.table + " SET status = 'DONE' WHERE id = " + id);
				done.incrementAndGet();
			}
		}
		return true;
	}

	/**
	 * Run a completion in its own transaction, again after a deadlock.
	 */
	private void complete(Connection connection, String sql) throws SQLException {
		while (true) {
			try (Statement update = connection.createStatement()) {
				update.executeUpdate(sql);
				connection.commit();
				return;
			}
			catch (SQLTransactionRollbackException ex) {
				connection.rollback();
			}
		}
	}

}
