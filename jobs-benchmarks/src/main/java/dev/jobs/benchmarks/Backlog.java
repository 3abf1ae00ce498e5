package dev.jobs.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * The SQL of the large-backlog run, per database: a table function of row numbers to fill
 * tables with set-based {@code INSERT ... SELECT}s, instants counted back from a base,
 * {@code ANALYZE}.
 */
final class Backlog {

	/**
	 * Rows inserted by one statement, so that no fill is one huge transaction.
	 */
	static final int CHUNK = 100_000;

	/**
	 * How far back the finished rows go: the last 14 days, less an hour so that the
	 * starter's history cleanup (14 days by default) finds none of them to delete during
	 * the run.
	 */
	static final Duration FINISHED_SPAN = Duration.ofDays(14).minusHours(1);

	/**
	 * How far back the run times of the due rows go.
	 */
	static final Duration DUE_SPAN = Duration.ofHours(1);

	private static final Pattern INDEX_SCAN = Pattern.compile("(?<!Bitmap )Index (Only )?Scan");

	private Backlog() {
	}

	/**
	 * A derived table {@code s} of one column {@code n} holding {@code from} to
	 * {@code to}.
	 */
	static String series(Database database, long from, long to) {
		if (database.isMariaDb()) {
			// MariaDB's Sequence engine
			return "(SELECT seq AS n FROM seq_" + from + "_to_" + to + ") s";
		}
		if (database.isH2()) {
			return "(SELECT X AS n FROM SYSTEM_RANGE(" + from + ", " + to + ")) s";
		}
		return "(SELECT g AS n FROM generate_series(" + from + ", " + to + ") AS g) s";
	}

	/**
	 * A random UUID, in the form the starter's id column holds on the database.
	 */
	static String uuid(Database database) {
		if (database.isMariaDb()) {
			return "UUID()";
		}
		return database.isH2() ? "RANDOM_UUID()" : "gen_random_uuid()";
	}

	/**
	 * The database's current instant, as the starter's instant columns hold it (UTC
	 * {@code DATETIME(6)} on MariaDB).
	 */
	static String now(Database database) {
		if (database.isMariaDb()) {
			return "UTC_TIMESTAMP(6)";
		}
		return database.isH2() ? "CURRENT_TIMESTAMP" : "now()";
	}

	/**
	 * A timestamp parameter, for the raw loop's table.
	 */
	static String parameter(Database database) {
		return database.isMariaDb() ? "CAST(? AS DATETIME(6))" : "CAST(? AS TIMESTAMP)";
	}

	/**
	 * {@code base} less {@code s.n} times {@code step}.
	 */
	static String before(Database database, String base, Duration step) {
		long millis = step.toMillis();
		if (database.isMariaDb()) {
			return "TIMESTAMPADD(MICROSECOND, -(s.n * " + (millis * 1000) + "), " + base + ")";
		}
		if (database.isH2()) {
			return "DATEADD(MILLISECOND, -(s.n * " + millis + "), " + base + ")";
		}
		return "(" + base + " - (s.n * " + millis + ") * INTERVAL '1 millisecond')";
	}

	/**
	 * The step between rows that spreads {@code count} of them over {@code span}.
	 */
	static Duration step(Duration span, int count) {
		return span.dividedBy(Math.max(1, count));
	}

	/**
	 * The statements that insert rows 1 to {@code count}, {@link #CHUNK} at a time.
	 * @param database the database
	 * @param count how many rows
	 * @param insert the statement that inserts the rows of a {@link #series} it is given
	 * @return the statements
	 */
	static List<String> chunks(Database database, int count, UnaryOperator<String> insert) {
		List<String> statements = new ArrayList<>();
		for (long from = 1; from <= count; from += CHUNK) {
			long to = Math.min(count, from + CHUNK - 1);
			statements.add(insert.apply(series(database, from, to)));
		}
		return statements;
	}

	/**
	 * Run the fill statements: on PostgreSQL on up to 4 connections at once, elsewhere
	 * one after the other (concurrent {@code INSERT ... SELECT}s into one table invite
	 * lock waits and deadlocks on MariaDB; H2 gains little).
	 * @param database the database
	 * @param dataSource the pool
	 * @param statements the statements
	 * @param execution runs one of them on a connection
	 */
	static void fill(Database database, DataSource dataSource, List<String> statements, Execution execution)
			throws SQLException, InterruptedException {
		int threads = database.isPostgreSql() ? Math.min(4, statements.size()) : 1;
		ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, threads));
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (String sql : statements) {
				futures.add(executor.submit(() -> {
					try (Connection connection = dataSource.getConnection()) {
						execution.execute(connection, sql);
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				try {
					future.get();
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof SQLException sqlException) {
						throw sqlException;
					}
					throw new IllegalStateException(ex.getCause());
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	static String analyze(Database database, String table) {
		return (database.isMariaDb() || database.isH2()) ? "ANALYZE TABLE " + table : "ANALYZE " + table;
	}

	/**
	 * Whether a PostgreSQL plan reads the table through an index scan (not a bitmap scan,
	 * which sorts what it finds).
	 */
	static boolean indexScan(List<String> plan) {
		return plan.stream().anyMatch((line) -> INDEX_SCAN.matcher(line).find());
	}

	/**
	 * The plan's nodes, one line: "Limit → LockRows → Index Scan using ...".
	 */
	static String nodes(List<String> plan) {
		List<String> nodes = new ArrayList<>();
		for (String line : plan) {
			String trimmed = line.trim();
			if (trimmed.startsWith("->")) {
				trimmed = trimmed.substring(2).trim();
			}
			if (!trimmed.isEmpty() && Character.isUpperCase(trimmed.charAt(0)) && !trimmed.contains(":")) {
				nodes.add(trimmed.replaceAll("\\s*\\(cost=.*$", ""));
			}
		}
		return String.join(" → ", nodes);
	}

	/**
	 * Runs one fill statement.
	 */
	@FunctionalInterface
	interface Execution {

		void execute(Connection connection, String sql) throws SQLException;

	}

}
