package dev.jobs.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

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
import dev.jobs.Priority;
import dev.jobs.testsupport.CommitFaultDataSource;
import dev.jobs.testsupport.NodesContractTests;
import dev.jobs.testsupport.TestHandlers;
import dev.jobs.testsupport.TestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How a node records the ends and claims of attempts when the database fails or refuses
 * them: a commit that fails because the connection died is tried again, a claim whose
 * commit was not acknowledged is handed back, and an end whose text or size the database
 * refuses affects that end only. Run on every supported database by the subclasses.
 */
abstract class AttemptWritesContractTests extends NodesContractTests {

	private static final Object[] ONE_BATCH = { "jobs.worker.group-commit.window", "300ms" };

	@Test
	void errorAndLogTextsWithControlCharactersAndAnyLengthNeitherFailTheirEndNorTheOthersOfItsBatch() {
		TestNode node = node(dataSource(), "node-a", new Class<?>[] { BadEndsConfiguration.class }, ONE_BATCH);
		List<JobRequest> requests = new ArrayList<>();
		requests.add(JobRequest.of("bad-text"));
		for (int i = 0; i < 20; i++) {
			requests.add(JobRequest.of("noop"));
		}
		List<JobId> ids = node.jobs().enqueueAll(requests);
		awaitFinished(node.jobs(), ids);
		for (JobId id : ids.subList(1, ids.size())) {
			assertThat(node.jobs().get(id).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
		}
		Job bad = node.jobs().get(ids.get(0)).orElseThrow();
		assertThat(bad.status()).isEqualTo(JobStatus.FAILED);
		assertThat(bad.error()).startsWith("java.lang.IllegalStateException: bad \uFFFD byte").doesNotContain("\u0000");
		JobExecution execution = node.jobs().history(bad.id()).get(0);
		assertThat(execution.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(execution.error()).contains("bad \uFFFD byte").doesNotContain("\u0000");
		assertThat(node.jobs().logs(bad.id())).singleElement()
			.satisfies(
					(line) -> assertThat(line.message()).startsWith("line with \uFFFD").hasSizeLessThanOrEqualTo(4000));
	}

	@Test
	void resultTheDatabaseRefusesFailsItsJobOnlyAndSaysWhy() {
		TestNode node = node(dataSource(), "node-a", new Class<?>[] { BadEndsConfiguration.class }, ONE_BATCH);
		List<JobRequest> requests = new ArrayList<>();
		requests.add(JobRequest.of("huge-result"));
		for (int i = 0; i < 20; i++) {
			requests.add(JobRequest.of("noop"));
		}
		List<JobId> ids = node.jobs().enqueueAll(requests);
		awaitFinished(node.jobs(), ids);
		for (JobId id : ids.subList(1, ids.size())) {
			assertThat(node.jobs().get(id).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
		}
		Job huge = node.jobs().get(ids.get(0)).orElseThrow();
		if (huge.status() == JobStatus.FAILED) {
			assertThat(huge.error()).startsWith("The attempt completed, but its result could not be stored")
				.contains("max_allowed_packet");
		}
		else {
			assertThat(huge.status()).isEqualTo(JobStatus.COMPLETED);
			assertThat(huge.result(String.class)).hasSize(HUGE);
		}
		assertThat(node.jobs().history(huge.id())).singleElement()
			.satisfies((execution) -> assertThat(execution.attempt()).isEqualTo(1));
	}

	@Test
	void endsWhoseCommitFailedBecauseTheConnectionDiedAreWrittenByARetry() {
		CommitFaultDataSource faults = new CommitFaultDataSource(dataSource());
		TestNode node = node(faults, "node-a", new Class<?>[0], ONE_BATCH);
		faults.closeConnectionAtNextCommit("jobs-committer", schema().prefix() + "job_execution (job_id");
		List<JobRequest> requests = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			requests.add(JobRequest.of("noop"));
		}
		List<JobId> ids = node.jobs().enqueueAll(requests);
		awaitFinished(node.jobs(), ids);
		assertThat(faults.faults()).isEqualTo(1);
		for (JobId id : ids) {
			assertThat(node.jobs().get(id).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
			assertThat(recorder().runs(id)).isEqualTo(1);
			assertThat(node.jobs().history(id)).extracting(JobExecution::outcome).containsExactly(Outcome.COMPLETED);
		}
	}

	@Test
	void jobsOfAClaimWhoseCommitWasNotAcknowledgedAreHandedBackAndRun() {
		CommitFaultDataSource faults = new CommitFaultDataSource(dataSource());
		TestNode node = node(faults, "node-a", new Class<?>[0]);
		node.worker().stop();
		faults.loseNextCommitAcknowledgement("jobs-poller", "status = 'RUNNING', owner = ");
		List<JobRequest> requests = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			requests.add(JobRequest.of("noop"));
		}
		List<JobId> ids = node.jobs().enqueueAll(requests);
		node.worker().start();
		awaitFinished(node.jobs(), ids);
		assertThat(faults.faults()).isEqualTo(1);
		for (JobId id : ids) {
			Job job = node.jobs().get(id).orElseThrow();
			assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
			assertThat(recorder().runs(id)).isEqualTo(1);
			List<JobExecution> history = node.jobs().history(id);
			if (history.size() > 1) {
				assertThat(history).extracting(JobExecution::outcome)
					.containsExactly(Outcome.INTERRUPTED, Outcome.COMPLETED);
				assertThat(history.get(0).error()).contains("lost track of attempt 1");
			}
			assertThat(job.attempts()).as("the handed-back claim is not counted").isEqualTo(1);
		}
		assertThat(ids.stream().mapToInt((id) -> node.jobs().history(id).size()).sum())
			.as("the lost claim's jobs were handed back")
			.isGreaterThan(ids.size());
	}

	@Test
	void nodeWhoseHeartbeatsFailStartsNoneOfTheJobsItHolds() throws Exception {
		HeartbeatFaultDataSource faults = new HeartbeatFaultDataSource(dataSource());
		TestNode node = node(faults, "node-a", new Class<?>[0], "jobs.worker.concurrency", 1,
				"jobs.worker.heartbeat-interval", "200ms", "jobs.worker.stale-after", "2s");
		node.worker().stop();
		List<JobRequest> requests = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			requests.add(JobRequest.of("noop"));
		}
		requests.add(JobRequest.of("blocking").priority(Priority.LOW));
		List<JobId> tracked = new ArrayList<>();
		List<JobRequest> after = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			after.add(JobRequest.of("tracked", 10L).priority(Priority.LOW));
		}
		node.jobs().enqueueAll(requests);
		tracked.addAll(node.jobs().enqueueAll(after));
		node.worker().start();
		await().atMost(Duration.ofSeconds(60)).until(() -> recorder().runs().size() == 301);
		assertThat(node.jobs().count(JobQuery.builder().status(JobStatus.RUNNING).build()))
			.as("the node holds jobs behind the blocking one")
			.isGreaterThan(1);
		faults.failHeartbeats(true);
		await().atMost(Duration.ofSeconds(30)).until(() -> faults.failedHeartbeats() >= 8);
		node.bean(TestHandlers.class).release();
		Thread.sleep(1000);
		assertThat(tracked).as("no held job starts while the node is not alive")
			.allSatisfy((id) -> assertThat(recorder().runs(id)).isZero());
		faults.failHeartbeats(false);
		awaitFinished(node.jobs(), tracked);
		assertThat(tracked).allSatisfy((id) -> assertThat(recorder().runs(id)).isOne());
	}

	/**
	 * Fails this node's heartbeats while told to, as when its database connection is cut.
	 */
	private static final class HeartbeatFaultDataSource extends DelegatingDataSource {

		private volatile boolean failing;

		private final AtomicInteger failed = new AtomicInteger();

		HeartbeatFaultDataSource(DataSource target) {
			super(target);
		}

		void failHeartbeats(boolean failing) {
			this.failing = failing;
		}

		int failedHeartbeats() {
			return this.failed.get();
		}

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection = super.getConnection();
			return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> {
						if (this.failing && args != null && args.length > 0 && args[0] instanceof String sql
								&& sql.contains("SET heartbeat_at")) {
							this.failed.incrementAndGet();
							throw new SQLTransientConnectionException("network cut (test)");
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getTargetException();
						}
					});
		}

	}

	private static void awaitFinished(Jobs jobs, List<JobId> ids) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> ids.stream().allMatch((id) -> jobs.get(id).orElseThrow().status().isFinished()));
	}

	static final int HUGE = 17 * 1024 * 1024;

	@Configuration(proxyBeanMethods = false)
	static class BadEndsConfiguration {

		@Bean
		BadEnds badEnds() {
			return new BadEnds();
		}

	}

	/**
	 * Handlers whose ends hold what databases refuse.
	 */
	static class BadEnds {

		@JobHandler(value = "bad-text", maxAttempts = 1)
		public void badText(JobContext context) {
			context.log().info("line with \u0000 and " + "z".repeat(10_000));
			throw new IllegalStateException("bad \u0000 byte " + "y".repeat(100_000));
		}

		@JobHandler(value = "huge-result", maxAttempts = 1)
		public String hugeResult(JobContext context) {
			return "x".repeat(HUGE);
		}

	}

}
