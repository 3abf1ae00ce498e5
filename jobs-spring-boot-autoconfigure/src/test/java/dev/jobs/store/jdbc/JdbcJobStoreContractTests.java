package dev.jobs.store.jdbc;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.jobs.JobExecution;
import dev.jobs.JobExecution.Outcome;
import dev.jobs.JobId;
import dev.jobs.JobStatus;
import dev.jobs.Priority;
import dev.jobs.RetryBackoff;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.store.AttemptResult;
import dev.jobs.store.ClaimRequest;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.FinishedAttempt;
import dev.jobs.store.JobClaimer;
import dev.jobs.store.JobStore;
import dev.jobs.store.NewJob;
import dev.jobs.store.NodeInfo;
import dev.jobs.store.NodeLease;
import dev.jobs.store.RescuedJob;
import dev.jobs.store.jdbc.dialect.ClaimAlgorithm;
import dev.jobs.store.jdbc.dialect.JobStoreDialect;
import dev.jobs.testsupport.DatabaseContractTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC store's claim, fencing and rescue, driven directly so that races can be set up
 * exactly. Run on every supported database by the subclasses.
 */
abstract class JdbcJobStoreContractTests extends DatabaseContractTests {

	protected JobStore store;

	@BeforeAll
	void createStore() {
		SchemaVendor vendor = SchemaVendor.of(dataSource());
		TablePrefix prefix = new TablePrefix(schema().prefix());
		new JobsSchemaMigrator(dataSource(), vendor, prefix, JobsSchemaMigrator.Mode.MIGRATE).migrate();
		this.store = JdbcJobStores.create(dataSource(), vendor, prefix,
				new JobPayloadMapper(new JsonMapper(), 1024 * 1024));
	}

	protected NewJob newJob(String name, String queue, Priority priority) {
		return new NewJob(JobId.next(), name, queue, priority, "\"payload\"", null, null, Duration.ZERO, 3,
				Duration.ofMinutes(1), RetryBackoff.fixed(Duration.ofMillis(10)));
	}

	protected List<ClaimedJob> claim(String node, int limit) {
		return this.store.claimer().claim(new ClaimRequest(node, Set.of("work"), null, Set.of(), limit));
	}

	@Test
	void lateWriteFromANodeThatLostItsAttemptIsDropped() throws InterruptedException {
		NewJob job = newJob("work", "default", Priority.NORMAL);
		this.store.writer().insert(List.of(job));
		this.store.nodes().heartbeat(NodeLease.named("node-a"));
		ClaimedJob byA = claim("node-a", 1).get(0);
		Thread.sleep(50);
		List<RescuedJob> rescued = this.store.nodes().rescueStaleNodes(Duration.ofMillis(10));
		assertThat(rescued).singleElement().satisfies((rescue) -> {
			assertThat(rescue.id()).isEqualTo(job.id());
			assertThat(rescue.deadNode()).isEqualTo("node-a");
			assertThat(rescue.failed()).isFalse();
		});
		this.store.nodes().heartbeat(NodeLease.named("node-b"));
		ClaimedJob byB = claim("node-b", 1).get(0);
		assertThat(byB.id()).isEqualTo(job.id());
		assertThat(byB.fence()).isGreaterThan(byA.fence());
		assertThat(byB.attempt()).isEqualTo(2);

		assertThat(this.store.attempts().progress(byA, 50)).isFalse();
		assertThat(this.store.attempts().record(byA, new AttemptResult.Completed("\"from a\""), 10)).isFalse();
		assertThat(this.store.attempts().record(byB, new AttemptResult.Completed("\"from b\""), 10)).isTrue();
		assertThat(this.store.attempts().record(byA, new AttemptResult.Failed(Outcome.FAILED, "late"), 10)).isFalse();

		dev.jobs.Job stored = this.store.queries().get(job.id()).orElseThrow();
		assertThat(stored.status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(stored.result(String.class)).isEqualTo("from b");
		List<JobExecution> history = this.store.queries().history(job.id());
		assertThat(history).extracting(JobExecution::outcome).containsExactly(Outcome.INTERRUPTED, Outcome.COMPLETED);
		assertThat(history).extracting(JobExecution::node).containsExactly("node-a", "node-b");
		assertThat(this.store.nodes().heartbeat(NodeLease.named("node-a"))).as("node-a finds it was declared dead")
			.isFalse();
	}

	@Test
	void batchOfAttemptEndsWritesOnlyTheAttemptsStillOwned() throws InterruptedException {
		List<NewJob> jobs = List.of(newJob("work", "default", Priority.HIGH),
				newJob("work", "default", Priority.NORMAL), newJob("work", "default", Priority.LOW));
		this.store.writer().insert(jobs);
		this.store.nodes().heartbeat(NodeLease.named("node-a"));
		List<ClaimedJob> byA = claim("node-a", 3);
		Thread.sleep(50);
		assertThat(this.store.nodes().rescueStaleNodes(Duration.ofMillis(10))).hasSize(3);
		this.store.nodes().heartbeat(NodeLease.named("node-b"));
		List<ClaimedJob> byB = claim("node-b", 3);
		assertThat(byB).extracting(ClaimedJob::id).containsExactlyElementsOf(byA.stream().map(ClaimedJob::id).toList());

		FinishedAttempt lateFromA = new FinishedAttempt(byA.get(0), new AttemptResult.Completed("\"from a\""), 10);
		FinishedAttempt completedByB = new FinishedAttempt(byB.get(0), new AttemptResult.Completed("\"from b\""), 10);
		FinishedAttempt retriedByB = new FinishedAttempt(byB.get(1),
				new AttemptResult.Retry(Outcome.FAILED, "boom", Duration.ofMinutes(5)), 10);
		FinishedAttempt plainByB = new FinishedAttempt(byB.get(2), new AttemptResult.Completed(null), 10);
		FinishedAttempt latePlainFromA = new FinishedAttempt(byA.get(2), new AttemptResult.Completed(null), 10);
		List<FinishedAttempt> written = this.store.attempts()
			.recordAll(List.of(lateFromA, completedByB, latePlainFromA, retriedByB, plainByB));

		assertThat(written).containsExactly(completedByB, retriedByB, plainByB);
		dev.jobs.Job first = this.store.queries().get(jobs.get(0).id()).orElseThrow();
		assertThat(first.status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(first.result(String.class)).isEqualTo("from b");
		dev.jobs.Job second = this.store.queries().get(jobs.get(1).id()).orElseThrow();
		assertThat(second.status()).isEqualTo(JobStatus.SCHEDULED);
		assertThat(second.error()).isEqualTo("boom");
		assertThat(second.runAt()).isAfter(second.createdAt().plus(Duration.ofMinutes(4)));
		assertThat(this.store.queries().get(jobs.get(2).id()).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(this.store.queries().history(jobs.get(0).id())).extracting(JobExecution::outcome)
			.containsExactly(Outcome.INTERRUPTED, Outcome.COMPLETED);
		assertThat(this.store.queries().history(jobs.get(1).id())).extracting(JobExecution::outcome)
			.containsExactly(Outcome.INTERRUPTED, Outcome.FAILED);
		assertThat(this.store.queries().history(jobs.get(2).id())).extracting(JobExecution::node)
			.containsExactly("node-a", "node-b");
		assertThat(this.store.attempts().recordAll(List.of(completedByB))).as("an attempt is recorded once").isEmpty();
		assertThat(this.store.attempts().recordAll(List.of(plainByB, latePlainFromA)))
			.as("a plain completion is recorded once")
			.isEmpty();
		assertThat(this.store.queries().history(jobs.get(2).id())).hasSize(2);
	}

	@Test
	void rescueDoesNotCountTheAttemptsOfJobsHeldAheadOfAFreeSlot() throws InterruptedException {
		NewJob started = new NewJob(JobId.next(), "work", "default", Priority.HIGH, null, null, null, Duration.ZERO, 1,
				Duration.ofMinutes(1), RetryBackoff.fixed(Duration.ofMillis(10)));
		NewJob held = new NewJob(JobId.next(), "work", "default", Priority.LOW, null, null, null, Duration.ZERO, 1,
				Duration.ofMinutes(1), RetryBackoff.fixed(Duration.ofMillis(10)));
		this.store.writer().insert(List.of(started, held));
		this.store.nodes().heartbeat(NodeLease.named("node-a"));
		assertThat(claim("node-a", 1)).singleElement().satisfies((job) -> assertThat(job.id()).isEqualTo(started.id()));
		List<ClaimedJob> heldByA = this.store.claimer()
			.claim(new ClaimRequest("node-a", Set.of("work"), null, Set.of(), 5, true));
		assertThat(heldByA).singleElement().satisfies((job) -> {
			assertThat(job.id()).isEqualTo(held.id());
			assertThat(job.attempt()).isEqualTo(1);
			assertThat(job.startedAt()).isNotNull();
		});
		assertThat(this.store.attempts().running("node-a")).extracting(ClaimedJob::id)
			.containsExactlyInAnyOrder(started.id(), held.id());
		Thread.sleep(50);
		List<RescuedJob> rescued = this.store.nodes().rescueStaleNodes(Duration.ofMillis(10));
		assertThat(rescued).extracting(RescuedJob::id).containsExactlyInAnyOrder(started.id(), held.id());
		dev.jobs.Job startedJob = this.store.queries().get(started.id()).orElseThrow();
		assertThat(startedJob.status()).as("a started job's interrupted attempt counts").isEqualTo(JobStatus.FAILED);
		dev.jobs.Job heldJob = this.store.queries().get(held.id()).orElseThrow();
		assertThat(heldJob.status()).as("a held job's does not").isEqualTo(JobStatus.PENDING);
		assertThat(heldJob.attempts()).isZero();
		assertThat(this.store.queries().history(held.id())).singleElement().satisfies((execution) -> {
			assertThat(execution.outcome()).isEqualTo(Outcome.INTERRUPTED);
			assertThat(execution.attempt()).isEqualTo(1);
			assertThat(execution.error()).contains("held attempt 1 ready to start; not counted");
		});
		this.store.nodes().heartbeat(NodeLease.named("node-b"));
		List<ClaimedJob> heldByB = this.store.claimer()
			.claim(new ClaimRequest("node-b", Set.of("work"), null, Set.of(), 5, true));
		assertThat(heldByB).singleElement().satisfies((job) -> assertThat(job.attempt()).isEqualTo(1));
		assertThat(this.store.attempts().record(heldByB.get(0), new AttemptResult.Completed(null), 10)).isTrue();
		dev.jobs.Job completed = this.store.queries().get(held.id()).orElseThrow();
		assertThat(completed.status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(completed.attempts()).isEqualTo(1);
		assertThat(completed.startedAt()).isNotNull();
	}

	@Test
	void rescueCountsTheAttemptOfAHeldJobWhoseStartWasRecorded() throws InterruptedException {
		NewJob job = new NewJob(JobId.next(), "work", "default", Priority.NORMAL, null, null, null, Duration.ZERO, 1,
				Duration.ofMinutes(1), RetryBackoff.fixed(Duration.ofMillis(10)));
		this.store.writer().insert(List.of(job));
		this.store.nodes().heartbeat(NodeLease.named("node-a"));
		ClaimedJob held = this.store.claimer()
			.claim(new ClaimRequest("node-a", Set.of("work"), null, Set.of(), 1, true))
			.get(0);
		this.store.attempts().started(List.of(held));
		assertThat(this.store.queries().get(job.id()).orElseThrow().startedAt()).isNotNull();
		Thread.sleep(50);
		assertThat(this.store.nodes().rescueStaleNodes(Duration.ofMillis(10))).singleElement()
			.satisfies((rescued) -> assertThat(rescued.failed()).isTrue());
		dev.jobs.Job failed = this.store.queries().get(job.id()).orElseThrow();
		assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
		assertThat(failed.attempts()).isEqualTo(1);
	}

	@Test
	void nodesAreListedWithTheirSilenceByTheDatabaseClock() throws InterruptedException {
		this.store.nodes().heartbeat(NodeLease.named("listed-quiet"));
		Thread.sleep(300);
		this.store.nodes().heartbeat(NodeLease.named("listed-busy"));
		List<NodeInfo> nodes = this.store.nodes()
			.nodes()
			.stream()
			.filter((node) -> node.name().startsWith("listed-"))
			.toList();
		assertThat(nodes).extracting(NodeInfo::name).containsExactly("listed-busy", "listed-quiet");
		NodeInfo busy = nodes.get(0);
		NodeInfo quiet = nodes.get(1);
		assertThat(quiet.silentFor()).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofMinutes(1));
		assertThat(busy.silentFor()).isLessThan(quiet.silentFor());
		assertThat(quiet.heartbeatAt()).isBefore(busy.heartbeatAt());
		assertThat(busy.startedAt()).isEqualTo(busy.heartbeatAt());
		this.store.nodes().unregister(NodeLease.named("listed-quiet"));
		this.store.nodes().unregister(NodeLease.named("listed-busy"));
		assertThat(this.store.nodes().nodes()).extracting(NodeInfo::name).doesNotContain("listed-quiet", "listed-busy");
	}

	@Test
	void concurrentClaimsNeverTakeOneJobTwice() throws Exception {
		assertConcurrentClaimsTakeEveryJobOnce(this.store.claimer());
	}

	@Test
	void concurrentClaimsThatLockTheirCandidatesByIdNeverTakeOneJobTwice() throws Exception {
		// the claim of a database whose locking read locks beyond its limit (H2), here on
		// every database: candidates read without locks, then locked by id and checked
		JobStoreDialect dialect = SchemaVendor.of(dataSource()).dialect();
		JobStoreDialect lockingCandidates = (JobStoreDialect) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { JobStoreDialect.class }, (proxy, method, arguments) -> switch (method.getName()) {
					case "claimAlgorithm" -> ClaimAlgorithm.LOCK_CANDIDATES_BY_ID;
					default -> method.invoke(dialect, arguments);
				});
		assertConcurrentClaimsTakeEveryJobOnce(
				new JdbcJobClaimer(JdbcAccess.of(dataSource(), lockingCandidates, new TablePrefix(schema().prefix()))));
	}

	private void assertConcurrentClaimsTakeEveryJobOnce(JobClaimer claimer) throws Exception {
		List<NewJob> jobs = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			jobs.add(newJob("work", "default", Priority.NORMAL));
		}
		this.store.writer().insert(jobs);
		ExecutorService executor = Executors.newFixedThreadPool(6);
		try {
			List<Future<List<JobId>>> futures = new ArrayList<>();
			for (int thread = 0; thread < 6; thread++) {
				ClaimRequest request = new ClaimRequest("node-" + thread, Set.of("work"), null, Set.of(), 7);
				futures.add(executor.submit(() -> {
					List<JobId> claimed = new ArrayList<>();
					List<ClaimedJob> batch;
					while (!(batch = claimer.claim(request)).isEmpty()) {
						batch.forEach((job) -> claimed.add(job.id()));
					}
					return claimed;
				}));
			}
			List<JobId> all = new ArrayList<>();
			for (Future<List<JobId>> future : futures) {
				all.addAll(future.get(2, TimeUnit.MINUTES));
			}
			assertThat(all).hasSize(300);
			assertThat(new HashSet<>(all)).hasSize(300);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void claimTakesOnlyDueJobsOfKnownNamesAndAllowedQueuesInPriorityOrder() {
		NewJob low = newJob("work", "default", Priority.LOW);
		NewJob critical = newJob("work", "default", Priority.CRITICAL);
		NewJob normal = newJob("work", "default", Priority.NORMAL);
		NewJob unknown = newJob("other", "default", Priority.CRITICAL);
		NewJob excluded = newJob("work", "excluded", Priority.CRITICAL);
		NewJob later = new NewJob(JobId.next(), "work", "default", Priority.CRITICAL, null, null, null,
				Duration.ofHours(1), 3, Duration.ofMinutes(1), RetryBackoff.fixed(Duration.ofSeconds(1)));
		this.store.writer().insert(List.of(low, critical, normal, unknown, excluded, later));
		List<ClaimedJob> claimed = this.store.claimer()
			.claim(new ClaimRequest("node-a", Set.of("work"), null, Set.of("excluded"), 10));
		assertThat(claimed).extracting(ClaimedJob::id).containsExactly(critical.id(), normal.id(), low.id());
		assertThat(this.store.claimer().claim(new ClaimRequest("node-a", Set.of("work"), "excluded", Set.of(), 10)))
			.extracting(ClaimedJob::id)
			.containsExactly(excluded.id());
		assertThat(this.store.queries().get(later.id()).orElseThrow().status()).isEqualTo(JobStatus.SCHEDULED);
		assertThat(this.store.queries().get(unknown.id()).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
	}

	@Test
	void claimedJobCarriesTheAttemptFenceAndStartItsRowWasGiven() {
		NewJob job = newJob("work", "default", Priority.NORMAL);
		this.store.writer().insert(List.of(job));
		ClaimedJob first = claim("node-a", 5).get(0);
		assertClaimMatchesRow(first, job.id(), 1);
		assertThat(
				this.store.attempts().record(first, new AttemptResult.Retry(Outcome.FAILED, "boom", Duration.ZERO), 5))
			.isTrue();
		ClaimedJob second = claim("node-b", 5).get(0);
		assertClaimMatchesRow(second, job.id(), 2);
		assertThat(second.fence()).isGreaterThan(first.fence());
		assertThat(second.payloadJson()).isEqualTo("\"payload\"");
	}

	private void assertClaimMatchesRow(ClaimedJob claimed, JobId id, int attempt) {
		Map<String, Object> row = new org.springframework.jdbc.core.JdbcTemplate(dataSource()).queryForMap(
				"SELECT fence, attempts, owner FROM " + schema().prefix() + "job WHERE id = ?",
				SchemaVendor.of(dataSource()).dialect().bind(id));
		assertThat(claimed.id()).isEqualTo(id);
		assertThat(claimed.attempt()).isEqualTo(attempt).isEqualTo(((Number) row.get("attempts")).intValue());
		assertThat(claimed.fence()).isEqualTo(((Number) row.get("fence")).longValue());
		assertThat(claimed.owner()).isEqualTo(row.get("owner"));
		assertThat(claimed.startedAt()).isEqualTo(this.store.queries().get(id).orElseThrow().startedAt());
	}

	@Test
	void retriedAttemptIsScheduledAfterItsBackoffByTheDatabaseClock() {
		NewJob job = newJob("work", "default", Priority.NORMAL);
		this.store.writer().insert(List.of(job));
		ClaimedJob claimed = claim("node-a", 1).get(0);
		assertThat(this.store.attempts()
			.record(claimed, new AttemptResult.Retry(Outcome.FAILED, "boom\n\tat x", Duration.ofHours(1)), 5)).isTrue();
		dev.jobs.Job stored = this.store.queries().get(job.id()).orElseThrow();
		assertThat(stored.status()).isEqualTo(JobStatus.SCHEDULED);
		assertThat(stored.error()).isEqualTo("boom");
		assertThat(Duration.between(claimed.startedAt(), stored.runAt())).isBetween(Duration.ofMinutes(59),
				Duration.ofMinutes(61));
		assertThat(claim("node-a", 1)).isEmpty();
		assertThat(this.store.queries().history(job.id())).singleElement()
			.satisfies((execution) -> assertThat(execution.error()).isEqualTo("boom\n\tat x"));
	}

	@Test
	void instantsRoundTripAsUtc() {
		java.time.Instant runAt = java.time.Instant.parse("2030-03-31T01:30:00.123456Z");
		NewJob job = new NewJob(JobId.next(), "work", "default", Priority.NORMAL, null, null, runAt, Duration.ZERO, 1,
				Duration.ofSeconds(1), RetryBackoff.fixed(Duration.ZERO));
		this.store.writer().insert(List.of(job));
		assertThat(this.store.queries().get(job.id()).orElseThrow().runAt()).isEqualTo(runAt);
		Map<String, Object> row = new org.springframework.jdbc.core.JdbcTemplate(dataSource())
			.queryForMap("SELECT COUNT(*) AS due FROM " + schema().prefix() + "job WHERE run_at > "
					+ SchemaVendor.of(dataSource()).dialect().now());
		assertThat(((Number) row.values().iterator().next()).intValue()).isEqualTo(1);
	}

}
