package dev.jobs.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.InvalidJobStateException;
import dev.jobs.Job;
import dev.jobs.JobNotFoundException;
import dev.jobs.JobQuery;
import dev.jobs.JobRequest;
import dev.jobs.JobStats;
import dev.jobs.Priority;
import dev.jobs.event.JobCancelledEvent;
import dev.jobs.event.JobEnqueuedEvent;
import dev.jobs.event.JobEvent;
import dev.jobs.event.JobFailedEvent;
import dev.jobs.event.JobRetryScheduledEvent;
import dev.jobs.store.jdbc.SchemaVendor;
import dev.jobs.store.jdbc.dialect.JobStoreDialect;
import dev.jobs.JobExecution;
import dev.jobs.JobId;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.testsupport.DatabaseContractTests;
import dev.jobs.testsupport.Recorder;
import dev.jobs.testsupport.TestHandlers;
import dev.jobs.testsupport.TestHandlers.Greeting;
import dev.jobs.testsupport.TestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The behaviour of the starter on one node, run on every supported database by the
 * subclasses.
 */
abstract class JobsContractTests extends DatabaseContractTests {

	private Recorder recorder;

	private TestNode node;

	@BeforeEach
	void startNode() {
		this.recorder = new Recorder();
		this.node = TestNode.on(dataSource(), schema())
			.name("node-a")
			.with(ThrowingListenerConfiguration.class)
			.bean(this.recorder)
			.bean(new TestHandlers(this.recorder, "node-a"))
			.start();
	}

	@AfterEach
	void stopNode() {
		if (this.node != null) {
			this.node.close();
		}
	}

	private Jobs jobs() {
		return this.node.jobs();
	}

	private Job awaitStatus(JobId id, JobStatus status) {
		await().atMost(Duration.ofSeconds(20)).until(() -> jobs().get(id).orElseThrow().status() == status);
		return jobs().get(id).orElseThrow();
	}

	@Test
	void enqueuedJobRunsAndStoresItsResultAndHistory() {
		JobId id = jobs().enqueue("echo", new Greeting("hello"));
		Job job = awaitStatus(id, JobStatus.COMPLETED);
		assertThat(job.result(Greeting.class)).isEqualTo(new Greeting("HELLO"));
		assertThat(job.payload(Greeting.class)).isEqualTo(new Greeting("hello"));
		assertThat(job.attempts()).isEqualTo(1);
		assertThat(job.finishedAt()).isNotNull();
		List<JobExecution> history = jobs().history(id);
		assertThat(history).singleElement().satisfies((execution) -> {
			assertThat(execution.outcome()).isEqualTo(JobExecution.Outcome.COMPLETED);
			assertThat(execution.attempt()).isEqualTo(1);
			assertThat(execution.node()).isEqualTo("node-a");
		});
		assertThat(this.recorder.runs(id)).isEqualTo(1);
	}

	@Test
	void failedAttemptsAreRetriedWithBackoffUntilSuccess() {
		JobId id = jobs().enqueue("flaky", 2);
		Job job = awaitStatus(id, JobStatus.COMPLETED);
		assertThat(job.attempts()).isEqualTo(3);
		assertThat(job.result(String.class)).isEqualTo("ok after 3");
		List<JobExecution> history = jobs().history(id);
		assertThat(history).extracting(JobExecution::outcome)
			.containsExactly(JobExecution.Outcome.FAILED, JobExecution.Outcome.FAILED, JobExecution.Outcome.COMPLETED);
		assertThat(history).extracting(JobExecution::attempt).containsExactly(1, 2, 3);
		assertThat(history.get(0).error()).contains("flaky failure 1").contains("at dev.jobs");
		// backoff 50ms then 100ms: each retry starts no earlier than its delay after the
		// failure
		assertThat(Duration.between(history.get(0).finishedAt(), history.get(1).startedAt()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(45));
		assertThat(Duration.between(history.get(1).finishedAt(), history.get(2).startedAt()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(95));
		await().untilAsserted(() -> assertThat(this.recorder.events(JobRetryScheduledEvent.class)).hasSize(2));
	}

	@Test
	void exhaustedRetriesFailTheJobWithOneFailedEvent() {
		JobId id = jobs().enqueue("always-fails", null);
		Job job = awaitStatus(id, JobStatus.FAILED);
		assertThat(job.attempts()).isEqualTo(3);
		assertThat(job.error()).contains("always fails");
		assertThat(jobs().history(id)).hasSize(3)
			.allSatisfy((execution) -> assertThat(execution.outcome()).isEqualTo(JobExecution.Outcome.FAILED));
		await().untilAsserted(
				() -> assertThat(this.recorder.events(JobFailedEvent.class)).singleElement().satisfies((event) -> {
					assertThat(event.jobId()).isEqualTo(id);
					assertThat(event.attempts()).isEqualTo(3);
				}));
		assertThat(this.recorder.runs(id)).isEqualTo(3);
	}

	@Test
	void nonRetryableExceptionFailsTheJobAtOnce() {
		JobId id = jobs().enqueue("rejects", null);
		Job job = awaitStatus(id, JobStatus.FAILED);
		assertThat(job.attempts()).isEqualTo(1);
		assertThat(job.maxAttempts()).isEqualTo(5);
		assertThat(job.error()).contains("input is invalid");
		assertThat(this.recorder.runs(id)).isEqualTo(1);
	}

	@Test
	void timeoutInterruptsTheHandlerAndRecordsATimedOutAttempt() {
		JobId id = jobs().enqueue("slow", 60_000L);
		Job job = awaitStatus(id, JobStatus.FAILED);
		assertThat(jobs().history(id)).singleElement()
			.satisfies((execution) -> assertThat(execution.outcome()).isEqualTo(JobExecution.Outcome.TIMED_OUT));
		assertThat(job.error()).contains("Timed out");
		await().untilAsserted(() -> assertThat(this.node.worker().activeJobs()).isZero());
	}

	@Test
	void timeoutFreesTheSlotOfAHandlerThatIgnoresInterrupts() {
		JobId id = jobs().enqueue("stubborn", 3_000L);
		awaitStatus(id, JobStatus.FAILED);
		assertThat(jobs().history(id)).singleElement()
			.satisfies((execution) -> assertThat(execution.outcome()).isEqualTo(JobExecution.Outcome.TIMED_OUT));
		await().untilAsserted(() -> assertThat(this.node.worker().activeJobs()).isZero());
		assertThat(this.node.worker().stuckThreads()).isEqualTo(1);
		JobId next = jobs().enqueue("noop", null);
		awaitStatus(next, JobStatus.COMPLETED);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.node.worker().stuckThreads()).isZero());
	}

	@Test
	void cancelledScheduledJobNeverRuns() {
		JobId id = jobs().enqueue(JobRequest.of("noop").delay(Duration.ofMillis(500)));
		assertThat(jobs().get(id).orElseThrow().status()).isEqualTo(JobStatus.SCHEDULED);
		assertThat(jobs().cancel(id)).isTrue();
		assertThat(jobs().get(id).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
		JobId later = jobs().enqueue(JobRequest.of("noop").delay(Duration.ofMillis(600)));
		awaitStatus(later, JobStatus.COMPLETED);
		assertThat(this.recorder.runs(id)).isZero();
		assertThat(jobs().history(id)).isEmpty();
		assertThat(jobs().cancel(id)).isFalse();
		await().untilAsserted(() -> assertThat(this.recorder.events(JobCancelledEvent.class)).hasSize(1));
	}

	@Test
	void cancelledRunningJobIsInterruptedAndEndsCancelled() {
		JobId id = jobs().enqueue("blocking", null);
		await().until(() -> this.recorder.runs(id) == 1);
		assertThat(jobs().get(id).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
		assertThat(jobs().cancel(id)).isTrue();
		Job job = awaitStatus(id, JobStatus.CANCELLED);
		assertThat(job.finishedAt()).isNotNull();
		assertThat(jobs().history(id)).singleElement()
			.satisfies((execution) -> assertThat(execution.outcome()).isEqualTo(JobExecution.Outcome.CANCELLED));
		await().untilAsserted(() -> assertThat(this.node.worker().activeJobs()).isZero());
	}

	@Test
	void runningJobCancelledFromAnotherNodeStops() {
		JobId id = jobs().enqueue("blocking", null);
		await().until(() -> this.recorder.runs(id) == 1);
		try (TestNode enqueuer = TestNode.on(dataSource(), schema())
			.name("enqueuer")
			.property("jobs.worker.enabled", false)
			.start()) {
			assertThat(enqueuer.jobs().cancel(id)).isTrue();
		}
		awaitStatus(id, JobStatus.CANCELLED);
	}

	@Test
	void delayedJobWaitsForItsDelay() {
		long start = System.nanoTime();
		JobId id = jobs().enqueue(JobRequest.of("noop").delay(Duration.ofSeconds(1)));
		assertThat(jobs().get(id).orElseThrow().status()).isEqualTo(JobStatus.SCHEDULED);
		Job job = awaitStatus(id, JobStatus.COMPLETED);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		assertThat(Duration.between(job.createdAt(), job.startedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(990));
	}

	@Test
	void jobWithRunAtWaitsUntilThen() {
		Instant runAt = databaseNow().plusMillis(1200);
		JobId id = jobs().enqueue(JobRequest.of("noop").runAt(runAt));
		Job job = awaitStatus(id, JobStatus.COMPLETED);
		assertThat(job.runAt()).isEqualTo(runAt);
		assertThat(job.startedAt()).isAfterOrEqualTo(runAt);
	}

	@Test
	void jobsOfAQueueWithConcurrencyOneRunInPriorityOrder() {
		try (TestNode ordered = restartWith("jobs.queues.serial.concurrency", 1, "jobs.worker.auto-start", false)) {
			Jobs jobs = ordered.jobs();
			jobs.enqueue(JobRequest.of("ordered", "low").queue("serial").priority(Priority.LOW));
			jobs.enqueue(JobRequest.of("ordered", "normal").queue("serial"));
			jobs.enqueue(JobRequest.of("ordered", "critical").queue("serial").priority(Priority.CRITICAL));
			jobs.enqueue(JobRequest.of("ordered", "high").queue("serial").priority(Priority.HIGH));
			jobs.enqueue(JobRequest.of("ordered", "normal-2").queue("serial"));
			ordered.worker().start();
			await().atMost(Duration.ofSeconds(20)).until(() -> this.recorder.order().size() == 5);
			assertThat(this.recorder.order()).containsExactly("critical", "high", "normal", "normal-2", "low");
		}
	}

	@Test
	void perQueueConcurrencyIsNeverExceeded() {
		try (TestNode limited = restartWith("jobs.queues.narrow.concurrency", 2, "jobs.worker.concurrency", 6)) {
			List<JobRequest> requests = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				requests.add(JobRequest.of("tracked", 50L).queue("narrow"));
				requests.add(JobRequest.of("tracked", 50L).queue("wide"));
			}
			List<JobId> ids = limited.jobs().enqueueAll(requests);
			await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.totalRuns() == 40);
			ids.forEach((id) -> awaitStatus(limited.jobs(), id, JobStatus.COMPLETED));
			assertThat(this.recorder.maxRunning("narrow")).isEqualTo(2);
			assertThat(this.recorder.maxRunning("wide")).isBetween(3, 6);
		}
	}

	@Test
	void queuePausedByTheNodesConfigurationIsNotClaimedThereAndStaysPausedWhenTheClusterResumesIt() {
		try (TestNode paused = restartWith("jobs.queues.frozen.paused", true)) {
			JobId frozen = paused.jobs().enqueue(JobRequest.of("noop").queue("frozen"));
			JobId other = paused.jobs().enqueue(JobRequest.of("noop").queue("thawed"));
			awaitStatus(paused.jobs(), other, JobStatus.COMPLETED);
			assertThat(paused.jobs().resumeQueue("frozen")).isFalse();
			JobId later = paused.jobs().enqueue(JobRequest.of("noop").queue("thawed"));
			awaitStatus(paused.jobs(), later, JobStatus.COMPLETED);
			assertThat(paused.jobs().get(frozen).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
			assertThat(paused.jobs().queues()).filteredOn((queue) -> queue.name().equals("frozen"))
				.singleElement()
				.satisfies((queue) -> {
					assertThat(queue.pausedOnThisNode()).isTrue();
					assertThat(queue.paused()).isFalse();
					assertThat(queue.count(JobStatus.PENDING)).isOne();
				});
		}
	}

	@Test
	void uniqueKeyEnqueuedByEightThreadsAtOnceStoresOneJob() throws Exception {
		this.node.worker().stop();
		int threads = 8;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			for (int round = 0; round < 5; round++) {
				CyclicBarrier barrier = new CyclicBarrier(threads);
				String key = "order-" + round;
				List<Future<JobId>> futures = new ArrayList<>();
				for (int i = 0; i < threads; i++) {
					futures.add(executor.submit(() -> {
						barrier.await();
						return jobs().enqueue(JobRequest.of("noop").uniqueKey(key));
					}));
				}
				Set<JobId> ids = new HashSet<>();
				for (Future<JobId> future : futures) {
					ids.add(future.get(30, TimeUnit.SECONDS));
				}
				assertThat(ids).hasSize(1);
				assertThat(jobs().count(JobQuery.builder().name("noop").build())).isEqualTo(round + 1);
			}
			await().untilAsserted(() -> assertThat(this.recorder.events(JobEnqueuedEvent.class)).hasSize(5));
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void uniqueKeyIsFreeAgainOnceItsJobFinished() {
		// the worker is stopped so that the first job is surely unfinished at the second
		// enqueue
		this.node.worker().stop();
		JobId first = jobs().enqueue(JobRequest.of("noop").uniqueKey("k"));
		assertThat(jobs().enqueue(JobRequest.of("noop").uniqueKey("k"))).isEqualTo(first);
		this.node.worker().start();
		awaitStatus(first, JobStatus.COMPLETED);
		JobId second = jobs().enqueue(JobRequest.of("noop").uniqueKey("k"));
		assertThat(second).isNotEqualTo(first);
		awaitStatus(second, JobStatus.COMPLETED);
		assertThat(jobs().get(second).orElseThrow().uniqueKey()).isEqualTo("k");
	}

	@Test
	void enqueueAllStoresEveryJobInOneBatchAndDeduplicatesKeys() {
		this.node.worker().stop();
		List<JobId> ids = jobs().enqueueAll(List.of(JobRequest.of("noop").uniqueKey("a"), JobRequest.of("noop"),
				JobRequest.of("noop").uniqueKey("a"), JobRequest.of("echo", new Greeting("x"))));
		assertThat(ids).hasSize(4);
		assertThat(ids.get(2)).isEqualTo(ids.get(0));
		assertThat(jobs().count(JobQuery.builder().build())).isEqualTo(3);
	}

	@Test
	void enqueueInsideARolledBackTransactionLeavesNoJob() {
		TransactionTemplate transaction = new TransactionTemplate(
				new DataSourceTransactionManager(this.node.bean(DataSource.class)));
		AtomicReference<JobId> id = new AtomicReference<>();
		transaction.executeWithoutResult((status) -> {
			id.set(jobs().enqueue("noop", null));
			assertThat(jobs().get(id.get())).isPresent();
			status.setRollbackOnly();
		});
		assertThat(jobs().get(id.get())).isEmpty();
		JobId committed = transaction.execute((status) -> jobs().enqueue("noop", null));
		awaitStatus(committed, JobStatus.COMPLETED);
		await().untilAsserted(
				() -> assertThat(this.recorder.events(JobEnqueuedEvent.class)).extracting(JobEnqueuedEvent::jobId)
					.containsExactly(committed));
	}

	@Test
	void badInputIsRejectedAndNothingIsStored() {
		assertThatExceptionOfType(InvalidJobRequestException.class).isThrownBy(() -> jobs().enqueue(" ", null))
			.withMessageContaining("name");
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> jobs().enqueue(JobRequest.of("noop").delay(Duration.ofSeconds(-1))))
			.withMessageContaining("negative");
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> jobs().enqueue(JobRequest.of("noop").maxAttempts(0)))
			.withMessageContaining("at least 1");
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> jobs().enqueue("echo", new Unserialisable()))
			.withMessageContaining("echo")
			.withMessageContaining("serialised");
		assertThatExceptionOfType(InvalidJobRequestException.class).isThrownBy(
				() -> jobs().enqueueAll(List.of(JobRequest.of("noop"), JobRequest.of("echo", new Unserialisable()))));
		assertThat(jobs().count(JobQuery.builder().build())).isZero();
	}

	@Test
	void jobWithoutAHandlerStaysPendingAndUncharged() {
		JobId id = jobs().enqueue("nobody-handles-this", "x");
		JobId known = jobs().enqueue("noop", null);
		awaitStatus(known, JobStatus.COMPLETED);
		JobId after = jobs().enqueue("noop", null);
		awaitStatus(after, JobStatus.COMPLETED);
		Job job = jobs().get(id).orElseThrow();
		assertThat(job.status()).isEqualTo(JobStatus.PENDING);
		assertThat(job.attempts()).isZero();
		assertThat(jobs().history(id)).isEmpty();
	}

	@Test
	void payloadThatCannotBeReadFailsItsJobOnceAndKeepsTheRawPayload() {
		JobId poison = jobs().enqueue("echo", List.of(1, 2, 3));
		JobId healthy = jobs().enqueue("echo", new Greeting("fine"));
		Job job = awaitStatus(poison, JobStatus.FAILED);
		assertThat(job.attempts()).isEqualTo(1);
		assertThat(job.error()).contains("cannot be read");
		assertThat(job.payloadJson()).isEqualTo("[1,2,3]");
		awaitStatus(healthy, JobStatus.COMPLETED);
	}

	@Test
	void failedJobCanBeRetriedByHandWithAFreshBudget() {
		JobId id = jobs().enqueue(JobRequest.of("always-fails").maxAttempts(1));
		awaitStatus(id, JobStatus.FAILED);
		assertThat(jobs().retry(id)).isEqualTo(id);
		await().atMost(Duration.ofSeconds(20)).until(() -> jobs().history(id).size() == 2);
		Job job = awaitStatus(id, JobStatus.FAILED);
		assertThat(job.attempts()).isEqualTo(1);
		assertThatExceptionOfType(JobNotFoundException.class).isThrownBy(() -> jobs().retry(JobId.next()));
		JobId pending = jobs().enqueue(JobRequest.of("noop").delay(Duration.ofHours(1)));
		assertThatExceptionOfType(InvalidJobStateException.class).isThrownBy(() -> jobs().retry(pending));
	}

	@Test
	void handlerLogLinesCarryTheJobInTheMdc() {
		JobId id = jobs().enqueue("echo", new Greeting("mdc"));
		awaitStatus(id, JobStatus.COMPLETED);
		assertThat(this.recorder.mdc()).anySatisfy((mdc) -> {
			assertThat(mdc).containsEntry("jobId", id.toString());
			assertThat(mdc).containsEntry("jobName", "echo");
			assertThat(mdc).containsEntry("jobAttempt", "1");
			assertThat(mdc).containsEntry("jobQueue", "default");
		});
	}

	@Test
	void queryCountAndStatsSeeEveryStatus() {
		this.node.worker().stop();
		JobId scheduled = jobs().enqueue(JobRequest.of("noop").delay(Duration.ofHours(1)));
		jobs().enqueue(JobRequest.of("noop").queue("mail"));
		jobs().enqueue(JobRequest.of("echo", new Greeting("a")).queue("mail"));
		JobId cancelled = jobs().enqueue("noop", null);
		jobs().cancel(cancelled);
		JobStats stats = jobs().stats();
		assertThat(stats.total()).isEqualTo(4);
		assertThat(stats.count(JobStatus.SCHEDULED)).isEqualTo(1);
		assertThat(stats.count(JobStatus.PENDING)).isEqualTo(2);
		assertThat(stats.count(JobStatus.CANCELLED)).isEqualTo(1);
		assertThat(stats.queue("mail").count(JobStatus.PENDING)).isEqualTo(2);
		assertThat(stats.queues()).containsExactly("default", "mail");
		assertThat(jobs().query(JobQuery.builder().status(JobStatus.SCHEDULED).build())).extracting(Job::id)
			.containsExactly(scheduled);
		assertThat(jobs().count(JobQuery.builder().name("noop").build())).isEqualTo(3);
		List<Job> page = jobs()
			.query(JobQuery.builder().sortBy(JobQuery.Sort.CREATED_AT).descending().offset(1).limit(2).build());
		assertThat(page).hasSize(2);
		assertThat(page.get(0).createdAt()).isAfterOrEqualTo(page.get(1).createdAt());
		assertThat(jobs().query(JobQuery.builder().queue("mail").name("echo").build())).singleElement()
			.satisfies((job) -> assertThat(job.payload(Greeting.class)).isEqualTo(new Greeting("a")));
	}

	@Test
	void gracefulShutdownHandsBackRunningJobsWithoutCountingTheAttempt() {
		JobId id = jobs().enqueue("blocking", null);
		await().until(() -> this.recorder.runs(id) == 1);
		this.node.worker().stop();
		Job job = jobs().get(id).orElseThrow();
		assertThat(job.status()).isEqualTo(JobStatus.PENDING);
		assertThat(job.attempts()).isZero();
		assertThat(jobs().history(id)).singleElement()
			.satisfies((execution) -> assertThat(execution.outcome()).isEqualTo(JobExecution.Outcome.INTERRUPTED));
	}

	private TestNode restartWith(Object... properties) {
		this.node.close();
		this.node = null;
		TestNode.Builder builder = TestNode.on(dataSource(), schema())
			.name("node-a")
			.bean(this.recorder)
			.bean(new TestHandlers(this.recorder, "node-a"));
		for (int i = 0; i < properties.length; i += 2) {
			builder.property((String) properties[i], properties[i + 1]);
		}
		return builder.start();
	}

	private static Job awaitStatus(Jobs jobs, JobId id, JobStatus status) {
		await().atMost(Duration.ofSeconds(20)).until(() -> jobs.get(id).orElseThrow().status() == status);
		return jobs.get(id).orElseThrow();
	}

	private Instant databaseNow() {
		JobStoreDialect dialect = SchemaVendor.of(dataSource()).dialect();
		return new JdbcTemplate(dataSource())
			.query("SELECT " + dialect.now() + " AS db_now", (rs, rowNum) -> dialect.instant(rs, "db_now"))
			.get(0);
	}

	@Test
	void listenerThatThrowsDoesNotFailTheJob() {
		JobId id = jobs().enqueue("echo", new Greeting("listeners"));
		awaitStatus(id, JobStatus.COMPLETED);
		ThrowingListener listener = this.node.bean(ThrowingListener.class);
		await().untilAsserted(() -> assertThat(listener.calls).hasValueGreaterThanOrEqualTo(2));
		assertThat(jobs().get(id).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(jobs().history(id)).singleElement()
			.satisfies((execution) -> assertThat(execution.outcome()).isEqualTo(JobExecution.Outcome.COMPLETED));
	}

	@Configuration(proxyBeanMethods = false)
	static class ThrowingListenerConfiguration {

		@Bean
		ThrowingListener throwingListener() {
			return new ThrowingListener();
		}

	}

	static class ThrowingListener {

		final AtomicInteger calls = new AtomicInteger();

		@EventListener
		void on(JobEvent event) {
			this.calls.incrementAndGet();
			throw new IllegalStateException("listener failure");
		}

	}

	static final class Unserialisable {

		public Object getSelf() {
			return this;
		}

	}

}
