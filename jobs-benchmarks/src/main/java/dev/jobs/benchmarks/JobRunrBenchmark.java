package dev.jobs.benchmarks;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.configuration.JobRunrConfiguration.JobRunrConfigurationResult;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;

/**
 * JobRunr, configured as its documentation shows
 * ({@code JobRunr.configure().useStorageProvider(SqlStorageProviderFactory.using(dataSource))}),
 * which creates its own tables, here under a table prefix of their own; a background job
 * server with as many workers as the others and JobRunr's shortest poll interval (5 s).
 * Cross-node pickup: a second storage provider on its own pool and the same tables, with
 * a {@link JobScheduler} and no server, enqueues for the running server.
 */
class JobRunrBenchmark {

	private static final Duration POLL = Duration.ofSeconds(5);

	private final Database database;

	private final Options options;

	private final String prefix;

	JobRunrBenchmark(Database database, Options options, String prefix) {
		this.database = database;
		this.options = options;
		this.prefix = prefix + "jr_";
	}

	void run(Results results) throws Exception {
		try (HikariDataSource dataSource = this.database.pool("jobrunr", this.options.workers() + 4)) {
			try {
				StorageProvider storage = SqlStorageProviderFactory.using(dataSource, this.prefix);
				JobRunrConfigurationResult jobRunr = JobRunr.configure()
					.useJsonMapper(new Jackson3JsonMapper())
					.useStorageProvider(storage)
					.useBackgroundJobServer(
							BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
								.andWorkerCount(this.options.workers())
								.andPollInterval(POLL),
							false)
					.initialize();
				JobScheduler scheduler = jobRunr.getJobScheduler();
				try {
					// warm-up: the same runs, smaller
					enqueue(scheduler, this.options.warmup() / 10);
					clear(storage);
					bulkEnqueue(scheduler, this.options.warmup());
					jobRunr.getBackgroundJobServer().start();
					burnDown(storage, this.options.warmup(), System.nanoTime());
					jobRunr.getBackgroundJobServer().pauseProcessing();
					clear(storage);

					// each round from an empty table, with processing paused until the
					// burn-down; the single enqueue, the slowest, on a share of the jobs
					// (Options.enqueueJobs()); the last round's processing goes on for
					// the pickup
					int rounds = this.options.rounds();
					for (int round = 1; round <= rounds; round++) {
						clear(storage);
						results.throughput(Scenario.ENQUEUE, Library.JOBRUNR,
								enqueue(scheduler, this.options.enqueueJobs()), round, rounds);
						clear(storage);
						results.throughput(Scenario.BULK_ENQUEUE, Library.JOBRUNR,
								bulkEnqueue(scheduler, this.options.jobs()), round, rounds);
						long start = System.nanoTime();
						jobRunr.getBackgroundJobServer().resumeProcessing();
						results.throughput(Scenario.BURN_DOWN, Library.JOBRUNR,
								burnDown(storage, this.options.jobs(), start), round, rounds);
						if (round < rounds) {
							jobRunr.getBackgroundJobServer().pauseProcessing();
						}
					}
					results.pickup(Library.JOBRUNR, false, pickup(scheduler), this.options.pickupSamples());
					crossNodePickup(results);
				}
				finally {
					jobRunr.getBackgroundJobServer().stop();
					JobRunr.destroy();
					storage.close();
				}
			}
			finally {
				drop(dataSource);
			}
		}
	}

	private Run enqueue(JobScheduler scheduler, int count) {
		long start = System.nanoTime();
		long deadline = start + this.options.timeLimit().toNanos();
		int done = 0;
		while (done < count && System.nanoTime() < deadline) {
			scheduler.enqueue(() -> JobRunrNoop.run());
			done++;
		}
		return new Run(done, System.nanoTime() - start, done < count);
	}

	private Run bulkEnqueue(JobScheduler scheduler, int count) {
		long start = System.nanoTime();
		long deadline = start + this.options.timeLimit().toNanos();
		int done = 0;
		while (done < count && System.nanoTime() < deadline) {
			int batch = Math.min(500, count - done);
			scheduler.enqueue(IntStream.range(0, batch).boxed(), (item) -> JobRunrNoop.run(item));
			done += batch;
		}
		return new Run(done, System.nanoTime() - start, done < count);
	}

	private long[] pickup(JobScheduler scheduler) throws InterruptedException {
		return Timing.pickup(this.options.pickupSamples(), POLL, this.options.timeLimit(), Duration.ofSeconds(30),
				() -> scheduler.enqueue(() -> JobRunrNoop.pickup()), JobRunrNoop.STARTED, JobRunrNoop.LAST_START);
	}

	/**
	 * Node A, another pool and storage provider on the same tables with a plain
	 * {@link JobScheduler} and no background job server, enqueues; the running server
	 * (node B) runs the jobs.
	 */
	private void crossNodePickup(Results results) throws InterruptedException {
		try (HikariDataSource dataSource = this.database.pool("jobrunr-a", 2)) {
			StorageProvider storage = SqlStorageProviderFactory.using(dataSource, this.prefix);
			try {
				storage.setJobMapper(new JobMapper(new Jackson3JsonMapper()));
				JobScheduler scheduler = new JobScheduler(storage);
				results.pickup(Library.JOBRUNR, true, pickup(scheduler), this.options.pickupSamples());
			}
			finally {
				storage.close();
			}
		}
	}

	private Run burnDown(StorageProvider storage, int count, long start) {
		long before = storage.countJobs(StateName.SUCCEEDED);
		return Timing.await(start, count, () -> storage.countJobs(StateName.SUCCEEDED) - before,
				this.options.timeLimit(), Timing.COUNT_PAUSE);
	}

	private void clear(StorageProvider storage) {
		Instant now = Instant.now().plusSeconds(1);
		for (StateName state : StateName.values()) {
			storage.deleteJobsPermanently(state, now);
		}
	}

	/**
	 * Drop JobRunr's tables and views, found by their prefix.
	 */
	private void drop(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			List<String> views = new ArrayList<>();
			List<String> tables = new ArrayList<>();
			DatabaseMetaData metaData = connection.getMetaData();
			try (ResultSet rows = metaData.getTables(connection.getCatalog(), null, "%",
					new String[] { "TABLE", "VIEW" })) {
				while (rows.next()) {
					String name = rows.getString("TABLE_NAME");
					if (name.toLowerCase(Locale.ROOT).startsWith(this.prefix)) {
						("VIEW".equals(rows.getString("TABLE_TYPE")) ? views : tables).add(name);
					}
				}
			}
			for (String view : views) {
				statement.execute("DROP VIEW IF EXISTS " + view);
			}
			for (String table : tables) {
				statement.execute("DROP TABLE IF EXISTS " + table);
			}
		}
	}

}
