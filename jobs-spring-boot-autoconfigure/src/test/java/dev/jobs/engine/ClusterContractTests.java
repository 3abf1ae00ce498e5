package dev.jobs.engine;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.jobs.Job;
import dev.jobs.JobContext;
import dev.jobs.JobExecution;
import dev.jobs.JobExecution.Outcome;
import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobQuery;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.testsupport.NodesContractTests;
import dev.jobs.testsupport.Recorder;
import dev.jobs.testsupport.TestHandlers;
import dev.jobs.testsupport.TestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The behaviour of several nodes sharing one database: exactly-once execution, rescue of
 * a dead node's jobs, hand-back at shutdown, and leases that hold while a node is busy.
 * Run on every supported database by the subclasses.
 */
abstract class ClusterContractTests extends NodesContractTests {

	@Test
	void twoNodesRunTwoThousandJobsEachExactlyOnce() throws Exception {
		TestNode a = node("node-a", "jobs.worker.concurrency", 8);
		TestNode b = node("node-b", "jobs.worker.concurrency", 8);
		ExecutorService enqueuers = Executors.newFixedThreadPool(2);
		try {
			List<Future<List<JobId>>> futures = List.of(enqueuers.submit(() -> enqueue(a.jobs(), 2000)),
					enqueuers.submit(() -> enqueue(b.jobs(), 2000)));
			List<JobId> ids = new ArrayList<>();
			for (Future<List<JobId>> future : futures) {
				ids.addAll(future.get(2, TimeUnit.MINUTES));
			}
			assertThat(Set.copyOf(ids)).hasSize(4000);
			assertEachRanOnceOnBothNodes(a, 4000, Duration.ofMinutes(3));
		}
		finally {
			enqueuers.shutdownNow();
		}
	}

	private static List<JobId> enqueue(Jobs jobs, int count) {
		List<JobId> ids = new ArrayList<>();
		for (int batch = 0; batch < count / 100; batch++) {
			List<JobRequest> requests = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				requests.add(JobRequest.of("noop"));
			}
			ids.addAll(jobs.enqueueAll(requests));
		}
		return ids;
	}

	@Test
	void burstOfFiftyThousandJobsIsRunExactlyOnceByTwoDrainingNodes() {
		TestNode a = node("node-a", "jobs.worker.concurrency", 8);
		TestNode b = node("node-b", "jobs.worker.concurrency", 8);
		List<JobId> ids = new ArrayList<>();
		for (int burst = 0; burst < 10; burst++) {
			List<JobRequest> requests = new ArrayList<>();
			for (int i = 0; i < 5000; i++) {
				requests.add(JobRequest.of("noop"));
			}
			ids.addAll(((burst % 2 == 0) ? a : b).jobs().enqueueAll(requests));
		}
		assertThat(Set.copyOf(ids)).hasSize(50_000);
		assertEachRanOnceOnBothNodes(a, 50_000, Duration.ofMinutes(8));
	}

	/**
	 * Wait until all jobs completed, then check that each ran once, with one execution,
	 * and that both nodes ran some.
	 */
	private void assertEachRanOnceOnBothNodes(TestNode node, int jobs, Duration timeout) {
		await().atMost(timeout)
			.until(() -> node.jobs().count(JobQuery.builder().status(JobStatus.COMPLETED).build()) == jobs);
		assertThat(recorder().runs()).hasSize(jobs);
		assertThat(recorder().runs().values()).allSatisfy((runs) -> assertThat(runs.get()).isEqualTo(1));
		JdbcTemplate jdbc = new JdbcTemplate(dataSource());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + schema().prefix()
				+ "job_execution WHERE outcome = 'COMPLETED' AND attempt = 1", Long.class))
			.isEqualTo(jobs);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + schema().prefix() + "job_execution", Long.class))
			.isEqualTo(jobs);
		assertThat(jdbc.queryForList("SELECT DISTINCT node FROM " + schema().prefix() + "job_execution", String.class))
			.containsExactlyInAnyOrder("node-a", "node-b");
	}

	@Test
	void nodeKilledWithUnwrittenAttemptEndsHasThoseJobsRescued() {
		Object[] fastLeases = { "jobs.worker.heartbeat-interval", "200ms", "jobs.worker.stale-after", "2s" };
		TestNode a = node("node-a", fastLeases[0], fastLeases[1], fastLeases[2], fastLeases[3],
				"jobs.worker.group-commit.window", "10m", "jobs.worker.group-commit.max-size", 1000);
		List<JobRequest> requests = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			requests.add(JobRequest.of("noop"));
		}
		List<JobId> ids = a.jobs().enqueueAll(requests);
		await().until(() -> ids.stream().allMatch((id) -> recorder().runs(id) == 1));
		assertThat(a.jobs().count(JobQuery.builder().status(JobStatus.RUNNING).build()))
			.as("the handlers returned but their ends wait in the batch")
			.isEqualTo(20);
		a.worker().halt();
		TestNode b = node("node-b", fastLeases);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> b.jobs().count(JobQuery.builder().status(JobStatus.COMPLETED).build()) == 20);
		for (JobId id : ids) {
			assertThat(recorder().runs(id)).isEqualTo(2);
			assertThat(b.jobs().get(id).orElseThrow().attempts()).isEqualTo(2);
			List<JobExecution> history = b.jobs().history(id);
			assertThat(history).extracting(JobExecution::outcome)
				.containsExactly(Outcome.INTERRUPTED, Outcome.COMPLETED);
			assertThat(history).extracting(JobExecution::node).containsExactly("node-a", "node-b");
		}
	}

	@Test
	void nodeThatStopsWithoutShutdownHasItsRunningJobsRescuedByTheOther() {
		Object[] fastLeases = { "jobs.worker.heartbeat-interval", "200ms", "jobs.worker.stale-after", "2s" };
		TestNode a = node("node-a", fastLeases);
		JobId id = a.jobs().enqueue("blocking", null);
		await().until(() -> recorder().runs(id) == 1);
		a.worker().halt();
		TestNode b = node("node-b", fastLeases);
		b.bean(TestHandlers.class).release();
		Job job = awaitStatus(b.jobs(), id, JobStatus.COMPLETED);
		assertThat(job.attempts()).isEqualTo(2);
		List<JobExecution> history = b.jobs().history(id);
		assertThat(history).extracting(JobExecution::outcome).containsExactly(Outcome.INTERRUPTED, Outcome.COMPLETED);
		assertThat(history).extracting(JobExecution::node).containsExactly("node-a", "node-b");
		assertThat(history.get(0).error()).contains("node-a stopped heartbeating");
	}

	@Test
	void jobThatKeepsKillingItsNodesFailsOnceItsAttemptsAreUsed() {
		Object[] fastLeases = { "jobs.worker.heartbeat-interval", "200ms", "jobs.worker.stale-after", "2s" };
		TestNode a = node("node-a", fastLeases);
		JobId id = a.jobs().enqueue(JobRequest.of("blocking").maxAttempts(1));
		await().until(() -> recorder().runs(id) == 1);
		a.worker().halt();
		TestNode b = node("node-b", fastLeases);
		Job job = awaitStatus(b.jobs(), id, JobStatus.FAILED);
		assertThat(job.attempts()).isEqualTo(1);
		assertThat(recorder().runs(id)).isEqualTo(1);
		assertThat(b.jobs().history(id)).singleElement()
			.satisfies((execution) -> assertThat(execution.outcome()).isEqualTo(Outcome.INTERRUPTED));
	}

	@Test
	void longRunningJobOfAHeartbeatingNodeIsNeverRescued() {
		Object[] fastLeases = { "jobs.worker.heartbeat-interval", "200ms", "jobs.worker.stale-after", "2s" };
		TestNode a = node("node-a", fastLeases);
		node("node-b", fastLeases);
		JobId id = a.jobs().enqueue("tracked", 5000L);
		Job job = awaitStatus(a.jobs(), id, JobStatus.COMPLETED);
		assertThat(job.attempts()).isEqualTo(1);
		assertThat(recorder().runs(id)).isEqualTo(1);
		assertThat(a.jobs().history(id)).singleElement().satisfies((execution) -> {
			assertThat(execution.outcome()).isEqualTo(Outcome.COMPLETED);
			assertThat(execution.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(5000));
		});
	}

	@Test
	void heartbeatsHoldWhileHandlersExhaustTheConnectionPool() {
		Object[] fastLeases = { "jobs.worker.heartbeat-interval", "200ms", "jobs.worker.stale-after", "2s",
				"jobs.worker.concurrency", 3 };
		try (HikariDataSource smallPool = database().createDataSource(dataSource().getJdbcUrl())) {
			smallPool.setMaximumPoolSize(3);
			smallPool.setConnectionTimeout(20_000);
			TestNode a = node(smallPool, "node-a", new Class<?>[] { HogConfiguration.class }, fastLeases);
			TestNode b = node("node-b", fastLeases);
			b.worker().stop();
			List<JobId> ids = a.jobs()
				.enqueueAll(List.of(JobRequest.of("tracked-hog", 4500L), JobRequest.of("tracked-hog", 4500L),
						JobRequest.of("tracked-hog", 4500L)));
			b.worker().start();
			for (JobId id : ids) {
				Job job = awaitStatus(a.jobs(), id, JobStatus.COMPLETED);
				assertThat(job.attempts()).isEqualTo(1);
				assertThat(a.jobs().history(id)).singleElement()
					.satisfies((execution) -> assertThat(execution.node()).isEqualTo("node-a"));
			}
			a.close();
			forget(a);
		}
	}

	@Test
	void gracefulShutdownHandsRunningJobsToAnotherNodeAtOnce() {
		TestNode a = node("node-a");
		JobId id = a.jobs().enqueue("blocking", null);
		await().until(() -> recorder().runs(id) == 1);
		TestNode b = node("node-b");
		b.bean(TestHandlers.class).release();
		long stoppedAt = System.nanoTime();
		a.worker().stop();
		Job job = awaitStatus(b.jobs(), id, JobStatus.COMPLETED);
		assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofSeconds(8));
		assertThat(job.attempts()).isEqualTo(1);
		List<JobExecution> history = b.jobs().history(id);
		assertThat(history).extracting(JobExecution::outcome).containsExactly(Outcome.INTERRUPTED, Outcome.COMPLETED);
		assertThat(history).extracting(JobExecution::node).containsExactly("node-a", "node-b");
		assertThat(history).extracting(JobExecution::attempt).containsExactly(1, 1);
	}

	private static Job awaitStatus(Jobs jobs, JobId id, JobStatus status) {
		await().atMost(Duration.ofSeconds(30)).until(() -> jobs.get(id).orElseThrow().status() == status);
		return jobs.get(id).orElseThrow();
	}

	@Configuration(proxyBeanMethods = false)
	static class HogConfiguration {

		@Bean
		ConnectionHog connectionHog(DataSource dataSource, Recorder recorder) {
			return new ConnectionHog(dataSource, recorder);
		}

	}

	/**
	 * A handler that holds a pooled connection for as long as it runs.
	 */
	static class ConnectionHog {

		private final DataSource dataSource;

		private final Recorder recorder;

		ConnectionHog(DataSource dataSource, Recorder recorder) {
			this.dataSource = dataSource;
			this.recorder = recorder;
		}

		@JobHandler("tracked-hog")
		void hog(long millis, JobContext context) throws Exception {
			this.recorder.started(context, "hog");
			try (Connection connection = this.dataSource.getConnection()) {
				Thread.sleep(millis);
			}
			finally {
				this.recorder.finished(context);
			}
		}

	}

}
