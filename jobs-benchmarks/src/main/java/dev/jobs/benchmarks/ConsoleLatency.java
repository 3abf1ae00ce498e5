package dev.jobs.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.jobs.JobRequest;
import dev.jobs.Jobs;

/**
 * The console's API calls behind a million rows: the job list's calls (first page,
 * filtered, deep page, search) and the overview's (stats, queues, nodes, throughput,
 * problems, recurring, health), each timed over HTTP against a real servlet server, p50
 * and p99. The rows are copied, set-based, from template jobs enqueued through the API:
 * 90% completed over the last 14 days, 5% failed, 3% pending, 2% cancelled, over 20 names
 * and 5 queues.
 *
 * <pre>
 * java -jar jobs-benchmarks/target/jobs-benchmarks.jar console --databases=postgresql --rows=1000000
 * </pre>
 */
final class ConsoleLatency {

	private static final String TEMPLATE = "bench-console-template";

	private static final int WARMUP = 10;

	private static final int SAMPLES = 100;

	private final Database database;

	private final int rows;

	private final String prefix;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ConsoleLatency(Database database, int rows) {
		this.database = database;
		this.rows = rows;
		byte[] bytes = new byte[4];
		ThreadLocalRandom.current().nextBytes(bytes);
		this.prefix = "c" + HexFormat.of().formatHex(bytes) + "_";
	}

	static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains("=")) {
				options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
		}
		int rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
		System.out.printf("Console API latency %s%nJava %s, %d CPUs, %,d rows, %d warm-up and %d timed calls each%n",
				OffsetDateTime.now(ZoneOffset.UTC), System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors(), rows, WARMUP, SAMPLES);
		for (String name : options.getOrDefault("databases", "postgresql").split(",")) {
			Database database = Database.of(name.trim());
			String unreachable = database.unreachable();
			if (unreachable != null) {
				System.out.println("== " + database.name() + ": skipped, cannot be reached (" + unreachable + ")");
				continue;
			}
			System.out.println();
			System.out.println("== " + database.name() + " (" + database.product() + ")");
			new ConsoleLatency(database, rows).run();
		}
	}

	private void run() throws Exception {
		try (HikariDataSource dataSource = this.database.pool("console", 8)) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(ConsoleApplication.class)
				.web(WebApplicationType.SERVLET)
				.logStartupInfo(false)
				.properties(Map.of("server.port", 0, "jobs.schema.table-prefix", this.prefix, "jobs.web.enabled", true,
						"jobs.worker.enabled", false, "spring.main.banner-mode", "off", "logging.level.root", "WARN"))
				.initializers((applicationContext) -> applicationContext.getBeanFactory()
					.registerSingleton("dataSource", dataSource))
				.run();
			try {
				JdbcTemplate jdbc = new JdbcTemplate(dataSource);
				long started = System.nanoTime();
				fill(context.getBean(Jobs.class), dataSource, jdbc);
				jdbc.execute(Backlog.analyze(this.database, this.prefix + "job"));
				System.out.printf("  filled %,d rows in %d s%n",
						jdbc.queryForObject("SELECT COUNT(*) FROM " + this.prefix + "job", Long.class),
						Duration.ofNanos(System.nanoTime() - started).toSeconds());
				String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort()
						+ "/jobs/api";
				System.out.println("  | call | p50 ms | p99 ms |");
				System.out.println("  | --- | ---: | ---: |");
				for (String call : List.of("/jobs?limit=50", "/jobs?status=FAILED&limit=50",
						"/jobs?status=PENDING&status=SCHEDULED&limit=50", "/jobs?queue=q3&limit=50",
						"/jobs?queue=q3&name=bench-8&limit=50", "/jobs?offset=10000&limit=50",
						"/jobs?offset=100000&limit=50", "/jobs?status=FAILED&sort=finishedAt&limit=50",
						"/jobs?search=bench-1&limit=50", "/jobs?search=no-such-job&limit=50", "/stats", "/queues",
						"/nodes", "/throughput?window=1h", "/problems", "/recurring", "/health")) {
					time(base, call);
				}
			}
			finally {
				context.close();
				drop(new JdbcTemplate(dataSource));
			}
		}
	}

	private void time(String base, String call) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + call)).timeout(Duration.ofSeconds(60)).build();
		try {
			send(request, call);
		}
		catch (IllegalStateException ex) {
			System.out.println("  | `GET " + call + "` | n/a | " + ex.getMessage() + " |");
			return;
		}
		for (int i = 1; i < WARMUP; i++) {
			send(request, call);
		}
		long[] samples = new long[SAMPLES];
		for (int i = 0; i < SAMPLES; i++) {
			long start = System.nanoTime();
			send(request, call);
			samples[i] = System.nanoTime() - start;
		}
		System.out.printf(Locale.ROOT, "  | `GET %s` | %.1f | %.1f |%n", call, Timing.percentileMillis(samples, 50),
				Timing.percentileMillis(samples, 99));
	}

	private void send(HttpRequest request, String call) throws Exception {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("answered " + response.statusCode());
		}
	}

	/**
	 * Copy template rows, one per status, set-based in chunks: names and queues spread by
	 * row number, creation times over the last 14 days.
	 */
	private void fill(Jobs jobs, HikariDataSource dataSource, JdbcTemplate jdbc) throws Exception {
		jobs.enqueue(JobRequest.of(TEMPLATE, Map.of("order", 42, "note", "a small payload")));
		String table = this.prefix + "job";
		List<String> columns = jdbc.query("SELECT * FROM " + table + " WHERE 1 = 0", (result) -> {
			List<String> names = new ArrayList<>();
			for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
				names.add(result.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
			}
			return names;
		});
		String now = Backlog.now(this.database);
		String at = Backlog.before(this.database, now, Backlog.step(Backlog.FINISHED_SPAN, this.rows));
		List<String> statements = new ArrayList<>();
		addStatus(statements, columns, table, "COMPLETED", this.rows * 90 / 100, at, true);
		addStatus(statements, columns, table, "FAILED", this.rows * 5 / 100, at, true);
		addStatus(statements, columns, table, "PENDING", this.rows * 3 / 100, at, false);
		addStatus(statements, columns, table, "CANCELLED", this.rows - this.rows * 98 / 100, at, true);
		Backlog.fill(this.database, dataSource, statements, (connection, sql) -> {
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate(sql);
			}
		});
		jdbc.update("DELETE FROM " + table + " WHERE name = '" + TEMPLATE + "'");
	}

	private void addStatus(List<String> statements, List<String> columns, String table, String status, int count,
			String at, boolean finished) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("id", Backlog.uuid(this.database));
		values.put("name", "CONCAT('bench-', s.n % 20)");
		values.put("queue", "CONCAT('q', s.n % 5)");
		values.put("priority", "s.n % 4");
		values.put("status", "'" + status + "'");
		values.put("attempts", finished ? "1" : "0");
		values.put("created_at", at);
		values.put("run_at", at);
		values.put("started_at", finished ? at : "NULL");
		values.put("finished_at", finished ? at : "NULL");
		values.put("error", status.equals("FAILED") ? "'java.lang.IllegalStateException: the bench failed'" : "NULL");
		statements.addAll(Backlog.chunks(this.database, count, (series) -> {
			String select = columns.stream()
				.map((column) -> values.getOrDefault(column, "t." + column))
				.collect(Collectors.joining(", "));
			return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + select + " FROM " + table
					+ " t CROSS JOIN " + series + " WHERE t.name = '" + TEMPLATE + "'";
		}));
	}

	private void drop(JdbcTemplate jdbc) {
		for (String table : List.of("job_log", "job_execution", "job", "node", "queue", "cluster_state",
				"recurring_job", "schema_history")) {
			jdbc.execute("DROP TABLE IF EXISTS " + this.prefix + table);
		}
	}

	@SpringBootApplication
	static class ConsoleApplication {

	}

}
