package dev.jobs.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
 * own, with a no-op {@code @JobHandler}.
 */
class JobsBenchmark {

	private static final String NAME = "bench-noop";

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
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchmarkApplication.class)
				.web(WebApplicationType.NONE)
				.logStartupInfo(false)
				.properties(Map.of("jobs.worker.concurrency", this.options.workers(), "jobs.worker.auto-start", false,
						"jobs.schema.table-prefix", this.prefix, "spring.main.banner-mode", "off", "logging.level.root",
						"WARN"))
				.initializers((applicationContext) -> applicationContext.getBeanFactory()
					.registerSingleton("dataSource", dataSource))
				.run()) {
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

				results.throughput(Scenario.ENQUEUE, Library.JOBS, enqueue(jobs, this.options.jobs()));
				clear(jdbc);
				results.throughput(Scenario.BULK_ENQUEUE, Library.JOBS, bulkEnqueue(jobs, this.options.jobs()));
				handler.completed.drainPermits();
				long start = System.nanoTime();
				worker.start();
				results.throughput(Scenario.BURN_DOWN, Library.JOBS, burnDown(handler, this.options.jobs(), start));
				pickup(results, jobs, handler);
				worker.stop();
			}
			finally {
				drop(new JdbcTemplate(dataSource));
			}
		}
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

	private void pickup(Results results, Jobs jobs, NoopHandler handler) throws InterruptedException {
		int samples = this.options.pickupSamples();
		long[] latencies = new long[samples];
		handler.started.drainPermits();
		long deadline = System.nanoTime() + this.options.timeLimit().toNanos();
		int taken = 0;
		while (taken < samples && System.nanoTime() < deadline) {
			Timing.pause();
			jobs.enqueue(NAME, null);
			long returned = System.nanoTime();
			if (!handler.started.tryAcquire(10, TimeUnit.SECONDS)) {
				break;
			}
			latencies[taken++] = Math.max(0, handler.lastStart.get() - returned);
		}
		if (taken == 0) {
			results.note("jobs (this): no pickup sample within the time limit");
			return;
		}
		long[] measured = Arrays.copyOf(latencies, taken);
		results.latency(Scenario.PICKUP_P50, Library.JOBS, Timing.percentileMillis(measured, 50));
		results.latency(Scenario.PICKUP_P95, Library.JOBS, Timing.percentileMillis(measured, 95));
		results.latency(Scenario.PICKUP_P99, Library.JOBS, Timing.percentileMillis(measured, 99));
	}

	private void clear(JdbcTemplate jdbc) {
		for (String table : List.of("job_log", "job_execution", "job")) {
			jdbc.update("DELETE FROM " + this.prefix + table);
		}
	}

	private void drop(JdbcTemplate jdbc) {
		for (String table : List.of("job_log", "job_execution", "job", "node", "recurring_job", "schema_history")) {
			jdbc.execute("DROP TABLE IF EXISTS " + this.prefix + table);
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
			this.completed.release();
		}

	}

}
