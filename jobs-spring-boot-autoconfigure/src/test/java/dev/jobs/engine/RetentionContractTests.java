package dev.jobs.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.jobs.JobExecution;
import dev.jobs.JobId;
import dev.jobs.JobLogLine;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.RecurringJobInfo;
import dev.jobs.store.JobStore;
import dev.jobs.store.jdbc.SchemaVendor;
import dev.jobs.store.jdbc.dialect.JobStoreDialect;
import dev.jobs.testsupport.DatabaseContractTests;
import dev.jobs.testsupport.TestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * History retention: the cleanup deletes exactly the expired finished jobs with their
 * executions and log lines, in batches, and runs as the recurring job
 * {@value HistoryCleanup#NAME}. Run on every supported database by the subclasses.
 */
abstract class RetentionContractTests extends DatabaseContractTests {

	private TestNode node;

	private final Map<String, JobId> ids = new LinkedHashMap<>();

	@AfterEach
	void stopNode() {
		if (this.node != null) {
			this.node.close();
		}
	}

	private TestNode start(boolean worker) {
		this.node = TestNode.on(dataSource(), schema())
			.name("node-retention")
			.property("jobs.worker.auto-start", worker)
			.property("jobs.history.retention", "1d")
			.property("jobs.history.retention-failed", "3d")
			.property("jobs.history.cleanup-batch-size", 2)
			.property("jobs.history.cleanup-interval", "2h")
			.start();
		return this.node;
	}

	@Test
	void cleanupDeletesExactlyTheExpiredJobsWithTheirExecutionsAndLogLines() {
		start(false);
		Instant now = databaseNow();
		job("completed-3d", JobStatus.COMPLETED, now.minus(Duration.ofDays(3)));
		job("completed-2d", JobStatus.COMPLETED, now.minus(Duration.ofDays(2)));
		job("completed-25h", JobStatus.COMPLETED, now.minus(Duration.ofHours(25)));
		job("completed-23h", JobStatus.COMPLETED, now.minus(Duration.ofHours(23)));
		job("cancelled-2d", JobStatus.CANCELLED, now.minus(Duration.ofDays(2)));
		job("cancelled-1h", JobStatus.CANCELLED, now.minus(Duration.ofHours(1)));
		job("failed-4d", JobStatus.FAILED, now.minus(Duration.ofDays(4)));
		job("failed-2d", JobStatus.FAILED, now.minus(Duration.ofDays(2)));
		job("failed-1h", JobStatus.FAILED, now.minus(Duration.ofHours(1)));
		// active jobs are never deleted, whatever their finished_at holds (a retried job
		// keeps the time it last finished)
		job("running", JobStatus.RUNNING, now.minus(Duration.ofDays(10)));
		job("pending-retried", JobStatus.PENDING, now.minus(Duration.ofDays(10)));
		job("running-never-finished", JobStatus.RUNNING, null);
		job("pending-never-finished", JobStatus.PENDING, null);

		long deleted = this.node.bean(HistoryCleanup.class).cleanUp(null);

		List<String> kept = List.of("completed-23h", "cancelled-1h", "failed-2d", "failed-1h", "running",
				"pending-retried", "running-never-finished", "pending-never-finished");
		assertThat(deleted).isEqualTo(5);
		assertThat(remainingJobs()).containsExactlyInAnyOrderElementsOf(kept);
		assertThat(remainingRows("job_execution")).containsExactlyInAnyOrderElementsOf(twice(kept));
		assertThat(remainingRows("job_log")).containsExactlyInAnyOrderElementsOf(twice(kept));
		for (String label : kept) {
			JobId id = this.ids.get(label);
			assertThat(this.node.jobs().history(id)).extracting(JobExecution::attempt).containsExactly(1, 2);
			assertThat(this.node.jobs().logs(id)).extracting(JobLogLine::message)
				.containsExactly(label + " line 1", label + " line 2");
		}
		assertThat(this.node.bean(HistoryCleanup.class).cleanUp(null)).isZero();
		assertThat(remainingJobs()).containsExactlyInAnyOrderElementsOf(kept);
	}

	@Test
	void cleanupOfExactlyFullBatchesStopsAtTheFirstShortBatch() {
		start(false);
		Instant now = databaseNow();
		for (int i = 1; i <= 4; i++) {
			job("completed-" + i, JobStatus.COMPLETED, now.minus(Duration.ofDays(2)));
		}
		job("failed-recent", JobStatus.FAILED, now.minus(Duration.ofDays(2)));
		assertThat(this.node.bean(HistoryCleanup.class).cleanUp(null)).isEqualTo(4);
		assertThat(remainingJobs()).containsExactly("failed-recent");
	}

	@Test
	void cleanupRunsAsARecurringJobOfTheCleanupInterval() {
		start(true);
		RecurringJobInfo info = this.node.jobs()
			.recurringJobs()
			.stream()
			.filter((recurring) -> recurring.name().equals(HistoryCleanup.NAME))
			.findFirst()
			.orElseThrow();
		assertThat(info.handler()).isEqualTo(HistoryCleanup.NAME);
		assertThat(info.schedule()).isEqualTo("PT2H");
		assertThat(info.paused()).isFalse();
		Instant now = databaseNow();
		job("expired", JobStatus.COMPLETED, now.minus(Duration.ofDays(2)));
		job("recent", JobStatus.COMPLETED, now.minus(Duration.ofHours(2)));
		JobId run = this.node.jobs().triggerRecurring(HistoryCleanup.NAME);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.node.jobs().get(run).map((job) -> job.status() == JobStatus.COMPLETED).orElse(false));
		assertThat(this.node.jobs().get(run).orElseThrow().result(Long.class)).isEqualTo(1L);
		assertThat(this.node.jobs().get(this.ids.get("expired"))).isEmpty();
		assertThat(this.node.jobs().get(this.ids.get("recent"))).isPresent();
		assertThat(this.node.jobs().logs(run)).extracting(JobLogLine::message)
			.containsExactly("Deleted 1 expired jobs with their executions and log lines");
	}

	private void job(String label, JobStatus status, Instant finishedAt) {
		JobId id = this.node.jobs().enqueue(JobRequest.of("not-handled-here", label));
		this.ids.put(label, id);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource());
		JobStoreDialect dialect = dialect();
		jdbc.update("UPDATE " + schema().prefix() + "job SET status = ?, finished_at = ? WHERE id = ?", status.name(),
				(finishedAt != null) ? dialect.bind(finishedAt) : null, dialect.bind(id));
		Instant started = (finishedAt != null) ? finishedAt.minusSeconds(60) : databaseNow();
		for (int attempt = 1; attempt <= 2; attempt++) {
			jdbc.update("INSERT INTO " + schema().prefix()
					+ "job_execution (job_id, seq, attempt, node, started_at, finished_at, duration_ms, outcome, error)"
					+ " VALUES (?, ?, ?, 'node-retention', ?, ?, 10, 'COMPLETED', NULL)", dialect.bind(id), attempt,
					attempt, dialect.bind(started), dialect.bind(started.plusSeconds(1)));
			this.node.bean(JobStore.class)
				.logs()
				.append(id, attempt, List.of(new JobLogLine(attempt, started, "INFO", label + " line " + attempt)));
		}
	}

	private List<String> remainingJobs() {
		return labelsOf(new JdbcTemplate(dataSource()).query("SELECT id FROM " + schema().prefix() + "job",
				(rs, rowNum) -> dialect().jobId(rs, "id")));
	}

	private List<String> remainingRows(String table) {
		return labelsOf(new JdbcTemplate(dataSource()).query("SELECT job_id FROM " + schema().prefix() + table,
				(rs, rowNum) -> dialect().jobId(rs, "job_id")));
	}

	private List<String> labelsOf(List<JobId> found) {
		Map<JobId, String> labels = new LinkedHashMap<>();
		this.ids.forEach((label, id) -> labels.put(id, label));
		return found.stream().map((id) -> labels.getOrDefault(id, "other " + id)).toList();
	}

	private static List<String> twice(List<String> labels) {
		return labels.stream().flatMap((label) -> java.util.stream.Stream.of(label, label)).toList();
	}

	private JobStoreDialect dialect() {
		return SchemaVendor.of(dataSource()).dialect();
	}

	private Instant databaseNow() {
		JobStoreDialect dialect = dialect();
		return new JdbcTemplate(dataSource())
			.query("SELECT " + dialect.now() + " AS db_now", (rs, rowNum) -> dialect.instant(rs, "db_now"))
			.get(0);
	}

}
