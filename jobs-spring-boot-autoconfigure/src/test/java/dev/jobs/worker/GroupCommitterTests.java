package dev.jobs.worker;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import dev.jobs.JobExecution.Outcome;
import dev.jobs.JobId;
import dev.jobs.RetryBackoff;
import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.store.AttemptRecorder;
import dev.jobs.store.AttemptResult;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.FinishedAttempt;
import dev.jobs.store.RecordingAttemptRecorder;
import dev.jobs.testsupport.ClaimedJobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the group committer writes the ends of attempts when the store fails: transient
 * failures are retried for as long as the node holds its lease, a batch the database
 * rejects is split so that only the rejected end is affected, and no end is left counted
 * as unwritten. The store here is a recorder that fails as each test says, on the
 * committer's own threads.
 */
class GroupCommitterTests {

	private final Events events = new Events();

	private GroupCommitter committer;

	@AfterEach
	void stop() {
		if (this.committer != null) {
			this.committer.halt();
		}
	}

	@Test
	void batchEndedByATransactionFailureIsWrittenOnceTheDatabaseIsBack() {
		FailingRecorder recorder = new FailingRecorder((batch) -> new CannotCreateTransactionException(
				"Could not open JDBC Connection for transaction", new SQLException("pool timed out", "08001")));
		recorder.failures.set(3);
		this.committer = start(recorder, Duration.ofSeconds(60));
		ClaimedJob job = job();
		this.committer.submit(job, new AttemptResult.Completed(null), null, 5);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.events.completed.contains(job.id()));
		assertThat(this.committer.unwritten()).isZero();
		assertThat(this.committer.unwrittenJobs()).isEmpty();
		assertThat(this.events.retries).containsExactly("connection", "connection", "connection");
	}

	@Test
	void batchWhoseCommitFailedIsRetriedBeyondTheRetryLimitWhileTheNodeRuns() {
		FailingRecorder recorder = new FailingRecorder(
				(batch) -> new TransactionSystemException("Could not commit JDBC transaction"));
		recorder.failures.set(Integer.MAX_VALUE);
		this.committer = start(recorder, Duration.ofMillis(50));
		ClaimedJob job = job();
		this.committer.submit(job, new AttemptResult.Completed(null), null, 5);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.events.retries.size() >= 4);
		assertThat(this.committer.unwritten()).isEqualTo(1);
		recorder.failures.set(0);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.events.completed.contains(job.id()));
		assertThat(this.committer.unwritten()).isZero();
	}

	@Test
	void unexpectedFailureOfTheStoreLeavesNoEndCountedAsUnwritten() {
		FailingRecorder recorder = new FailingRecorder((batch) -> new IllegalStateException("driver bug"));
		recorder.failures.set(Integer.MAX_VALUE);
		this.committer = start(recorder, Duration.ofSeconds(60));
		ClaimedJob job = job();
		this.committer.submit(job, new AttemptResult.Completed(null), null, 5);
		await().atMost(Duration.ofSeconds(30)).until(() -> recorder.calls.get() > 0 && this.committer.unwritten() == 0);
		assertThat(this.committer.unwrittenJobs()).isEmpty();
		assertThat(this.events.completed).isEmpty();
	}

	@Test
	void endsBeingRetriedAreGivenUpWhenTheNodeLosesItsLease() {
		FailingRecorder recorder = new FailingRecorder(
				(batch) -> new DataAccessResourceFailureException("connection refused"));
		recorder.failures.set(Integer.MAX_VALUE);
		this.committer = start(recorder, Duration.ofSeconds(60));
		ClaimedJob job = job();
		this.committer.submit(job, new AttemptResult.Completed(null), null, 5);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.events.retries.size() >= 2);
		this.committer.leaseLost();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.committer.unwritten() == 0);
		assertThat(this.events.completed).isEmpty();
		assertThat(this.events.fenced).isEmpty();
	}

	@Test
	void endTheDatabaseRejectsIsRecordedWithoutWhatWasRefusedAndTheOthersOfItsBatchAreWritten() {
		List<ClaimedJob> jobs = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			jobs.add(job());
		}
		ClaimedJob bad = jobs.get(13);
		String hugeResult = "\"" + "x".repeat(1000) + "\"";
		FailingRecorder recorder = new FailingRecorder((batch) -> batch.stream()
			.anyMatch((attempt) -> attempt.result() instanceof AttemptResult.Completed completed
					&& hugeResult.equals(completed.resultJson()))
							? new DataIntegrityViolationException("value too long for the result column") : null);
		this.committer = start(recorder, Duration.ofSeconds(60));
		for (ClaimedJob job : jobs) {
			this.committer.submit(job, new AttemptResult.Completed((job == bad) ? hugeResult : null), null, 5);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> this.committer.unwritten() == 0);
		assertThat(this.events.completed).hasSize(19).doesNotContain(bad.id());
		assertThat(this.events.failed).containsOnlyKeys(bad.id());
		assertThat(this.events.failed.get(bad.id()))
			.startsWith("The attempt completed, but its result could not be stored")
			.contains("value too long");
		assertThat(recorder.written()).extracting(FinishedAttempt::id)
			.containsAll(jobs.stream().map(ClaimedJob::id).toList());
		assertThat(this.events.retries).isEmpty();
	}

	@Test
	void endsThatNoLongerOwnTheirJobAreReportedAsFenced() {
		ClaimedJob job = job();
		FailingRecorder recorder = new FailingRecorder((batch) -> null);
		recorder.lost.add(job.id());
		this.committer = start(recorder, Duration.ofSeconds(60));
		this.committer.submit(job, new AttemptResult.Completed(null), null, 5);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.events.fenced.contains(job.id()));
		assertThat(this.events.completed).isEmpty();
	}

	@Test
	void endsThatCannotGetThroughStopTheCommitterKeepingUpUntilABatchCommits() {
		FailingRecorder recorder = new FailingRecorder((batch) -> new DataAccessResourceFailureException(
				"connection refused", new SQLException("Connection refused", "08001")));
		recorder.failures.set(4);
		this.committer = start(recorder, Duration.ofSeconds(60));
		assertThat(this.committer.keepingUp(Duration.ofSeconds(1))).isTrue();
		ClaimedJob job = job();
		this.committer.submit(job, new AttemptResult.Completed(null), null, 5);
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.committer.keepingUp(Duration.ofSeconds(1)));
		assertThat(recorder.written()).isEmpty();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.events.completed.contains(job.id()));
		assertThat(this.committer.keepingUp(Duration.ofSeconds(1))).isTrue();
	}

	@Test
	void endsWaitingLongerThanTheStallStopTheCommitterKeepingUp() throws InterruptedException {
		CountDownLatch released = new CountDownLatch(1);
		FailingRecorder recorder = new FailingRecorder((batch) -> {
			try {
				released.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return null;
		});
		this.committer = start(recorder, Duration.ofSeconds(60));
		ClaimedJob job = job();
		this.committer.submit(job, new AttemptResult.Completed(null), null, 5);
		assertThat(this.committer.keepingUp(Duration.ofMillis(500))).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.committer.keepingUp(Duration.ofMillis(500)));
		released.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.events.completed.contains(job.id()));
		assertThat(this.committer.keepingUp(Duration.ofMillis(500))).isTrue();
	}

	private GroupCommitter start(AttemptRecorder recorder, Duration retryLimit) {
		GroupCommitter started = new GroupCommitter(recorder, this.events,
				new GroupCommitSettings(100, Duration.ofMillis(200)), retryLimit, () -> {
				});
		started.start();
		return started;
	}

	/**
	 * A recorder that throws what its function gives for a batch, for as many calls as
	 * {@link #failures} says (or whenever the function gives a failure, if it is not
	 * set), and otherwise keeps the attempts it is given, except those of jobs it was
	 * told are lost.
	 */
	private static final class FailingRecorder extends RecordingAttemptRecorder {

		private final Function<List<FinishedAttempt>, @Nullable RuntimeException> failure;

		private final AtomicInteger failures = new AtomicInteger(-1);

		private final AtomicInteger calls = new AtomicInteger();

		private final List<JobId> lost = new CopyOnWriteArrayList<>();

		FailingRecorder(Function<List<FinishedAttempt>, @Nullable RuntimeException> failure) {
			this.failure = failure;
		}

		@Override
		public List<FinishedAttempt> recordAll(List<FinishedAttempt> attempts) {
			this.calls.incrementAndGet();
			RuntimeException ex = this.failure.apply(attempts);
			int left = this.failures.get();
			if (ex != null && (left < 0 || (left > 0 && this.failures.decrementAndGet() >= 0))) {
				throw ex;
			}
			List<FinishedAttempt> owned = attempts.stream()
				.filter((attempt) -> !this.lost.contains(attempt.id()))
				.toList();
			return super.recordAll(owned);
		}

	}

	/**
	 * What the committer told the lifecycle listener.
	 */
	private static final class Events implements JobLifecycleListener {

		private final List<JobId> completed = new CopyOnWriteArrayList<>();

		private final Map<JobId, String> failed = new ConcurrentHashMap<>();

		private final List<JobId> fenced = new CopyOnWriteArrayList<>();

		private final List<String> retries = new CopyOnWriteArrayList<>();

		@Override
		public void jobCompleted(ClaimedJob job, @Nullable Object result, Duration duration) {
			this.completed.add(job.id());
		}

		@Override
		public void jobFailed(ClaimedJob job, Outcome outcome, String error, Duration duration) {
			this.failed.put(job.id(), error);
		}

		@Override
		public void attemptFenced(ClaimedJob job) {
			this.fenced.add(job.id());
		}

		@Override
		public void storeRetried(String reason) {
			this.retries.add(reason);
		}

	}

	private static ClaimedJob job() {
		return ClaimedJobs.claimed("work", null, 1, 3, RetryBackoff.fixed(Duration.ofSeconds(1)));
	}

}
