package dev.jobs.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import dev.jobs.JobContext;
import dev.jobs.JobExecution.Outcome;
import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.NonRetryableJobException;
import dev.jobs.Priority;
import dev.jobs.RetryBackoff;
import dev.jobs.engine.JobDefaults;
import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.engine.JobSettingsResolver;
import dev.jobs.handler.HandlerSettings;
import dev.jobs.handler.JobHandlerMethodProcessor;
import dev.jobs.handler.JobHandlerRegistry;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.store.AttemptResult;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.FinishedAttempt;
import dev.jobs.store.RecordingAttemptRecorder;
import dev.jobs.testsupport.ClaimedJobs;
import dev.jobs.testsupport.Latches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link AttemptRunner}: attempts run on threads of their own, with real
 * handlers, and end through a real group committer in an in-memory recorder. An attempt
 * ends once, by its handler's thread or by a stop from another thread, whichever comes
 * first.
 */
class AttemptRunnerTests {

	private static final Duration BACKOFF = Duration.ofSeconds(7);

	private final Handlers handlers = new Handlers();

	private final RecordingAttemptRecorder recorder = new RecordingAttemptRecorder();

	private final Events events = new Events();

	private final List<Attempt> settled = new CopyOnWriteArrayList<>();

	private final GroupCommitter committer = new GroupCommitter(this.recorder, this.events,
			new GroupCommitSettings(100, Duration.ofMillis(10)), Duration.ofSeconds(5), () -> {
			});

	private final AttemptRunner runner = runner();

	@BeforeEach
	void start() {
		this.committer.start();
	}

	@AfterEach
	void stop() {
		this.handlers.release.countDown();
		this.committer.halt();
	}

	@Test
	void handlerThatReturnsCompletesTheJobWithItsResultUnderTheJobsMdc() {
		ClaimedJob job = job("echo", "{\"text\":\"hi\"}", 1, 3);
		RunningAttempt running = start(job);
		assertThat(running.join()).isFalse();
		FinishedAttempt end = awaitEnd(job);
		assertThat(end.result()).isEqualTo(new AttemptResult.Completed("{\"text\":\"hi\"}"));
		assertThat(this.events.completed).containsEntry(job.id(), new Greeting("hi"));
		assertThat(this.handlers.mdc).containsEntry("jobId", job.id().toString())
			.containsEntry("jobName", "echo")
			.containsEntry("jobAttempt", "1")
			.containsEntry("jobQueue", "default");
		assertThat(running.mdcAfter.get()).isFalse();
		assertSettledOnce(job);
	}

	@Test
	void handlerThatThrowsIsRetriedAfterTheJobsBackoffWhileAttemptsRemain() {
		ClaimedJob job = job("fails", null, 2, 3);
		assertThat(start(job).join()).isFalse();
		FinishedAttempt end = awaitEnd(job);
		assertThat(end.result()).isInstanceOfSatisfying(AttemptResult.Retry.class, (retry) -> {
			assertThat(retry.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(retry.error()).startsWith("java.lang.IllegalStateException: boom");
			assertThat(retry.delay()).isEqualTo(BACKOFF);
		});
		assertSettledOnce(job);
	}

	@Test
	void handlerThatThrowsOnTheLastAttemptFailsTheJob() {
		ClaimedJob job = job("fails", null, 3, 3);
		assertThat(start(job).join()).isFalse();
		assertThat(awaitEnd(job).result()).isInstanceOfSatisfying(AttemptResult.Failed.class, (failed) -> {
			assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(failed.error()).startsWith("java.lang.IllegalStateException: boom");
		});
		assertSettledOnce(job);
	}

	@Test
	void nonRetryableJobExceptionFailsTheJobAtOnce() {
		ClaimedJob job = job("rejects", null, 1, 3);
		assertThat(start(job).join()).isFalse();
		assertThat(awaitEnd(job).result()).isInstanceOfSatisfying(AttemptResult.Failed.class,
				(failed) -> assertThat(failed.error()).startsWith(NonRetryableJobException.class.getName() + ": bad"));
		assertSettledOnce(job);
	}

	@Test
	void exceptionConfiguredAsNonRetryableFailsTheJobAtOnce() {
		HandlerSettings overrides = new HandlerSettings(null, null, null, null, null, null, null, null,
				List.of(UnsupportedOperationException.class));
		AttemptRunner configured = runner(Map.of("unsupported", overrides));
		ClaimedJob job = job("unsupported", null, 1, 3);
		assertThat(new RunningAttempt(configured, new Attempt(job)).join()).isFalse();
		assertThat(awaitEnd(job).result()).isInstanceOf(AttemptResult.Failed.class);
	}

	@Test
	void jobWithoutAHandlerIsHandedBack() {
		ClaimedJob job = job("elsewhere", "{\"text\":\"hi\"}", 1, 3);
		assertThat(start(job).join()).isFalse();
		assertThat(awaitEnd(job).result())
			.isEqualTo(new AttemptResult.HandedBack("No handler for 'elsewhere' on this node"));
		assertSettledOnce(job);
	}

	@Test
	void jobWithoutAHandlerWhoseNameBreaksTheNameRulesFailsRatherThanComingBack() {
		ClaimedJob job = job("echo ", null, 1, 3);
		assertThat(start(job).join()).isFalse();
		assertThat(awaitEnd(job).result()).isInstanceOfSatisfying(AttemptResult.Failed.class, (failed) -> {
			assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(failed.error()).startsWith("No handler can run this job, since its name breaks the name rules")
				.contains("must not start or end with white space");
		});
	}

	@Test
	void payloadThatCannotBeBoundFailsTheJobWithoutRunningItsHandler() {
		ClaimedJob job = job("echo", "{\"text\":", 1, 3);
		assertThat(start(job).join()).isFalse();
		assertThat(awaitEnd(job).result()).isInstanceOfSatisfying(AttemptResult.Failed.class, (failed) -> {
			assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(failed.error()).startsWith("Payload of job " + job.id() + " cannot be read as ")
				.contains(Greeting.class.getName());
		});
		assertThat(this.handlers.mdc).isEmpty();
		assertSettledOnce(job);
	}

	@Test
	void resultThatCannotBeWrittenCompletesTheJobWithoutIt() {
		ClaimedJob job = job("unwritable", null, 1, 3);
		assertThat(start(job).join()).isFalse();
		assertThat(awaitEnd(job).result()).isEqualTo(new AttemptResult.Completed(null));
		assertThat(this.events.completed).containsKey(job.id());
	}

	@Test
	void timedOutAttemptIsRetriedAndItsHandlerInterrupted() throws InterruptedException {
		ClaimedJob job = job("blocks", null, 1, 3);
		RunningAttempt running = startInHandler(job);
		assertThat(this.runner.stop(running.attempt, StopReason.TIMED_OUT)).isTrue();
		assertThat(running.join()).isTrue();
		assertThat(this.handlers.interrupted).isTrue();
		assertThat(awaitEnd(job).result())
			.isEqualTo(new AttemptResult.Retry(Outcome.TIMED_OUT, "Timed out after 60000ms (attempt 1)", BACKOFF));
		assertSettledOnce(job);
	}

	@Test
	void attemptTimedOutOnItsLastAttemptFailsTheJob() throws InterruptedException {
		ClaimedJob job = job("blocks", null, 3, 3);
		RunningAttempt running = startInHandler(job);
		assertThat(this.runner.stop(running.attempt, StopReason.TIMED_OUT)).isTrue();
		assertThat(running.join()).isTrue();
		assertThat(awaitEnd(job).result())
			.isEqualTo(new AttemptResult.Failed(Outcome.TIMED_OUT, "Timed out after 60000ms (attempt 3)"));
	}

	@Test
	void cancelledAttemptIsRecordedAsCancelledThoughItsHandlerIgnoresTheInterruptAndReturns()
			throws InterruptedException {
		ClaimedJob job = job("stubborn", null, 1, 3);
		RunningAttempt running = startInHandler(job);
		assertThat(this.runner.stop(running.attempt, StopReason.CANCELLED)).isTrue();
		assertThat(running.join()).isTrue();
		assertThat(awaitEnd(job).result()).isEqualTo(new AttemptResult.Cancelled("Cancelled while attempt 1 ran"));
		assertThat(this.events.completed).isEmpty();
		assertSettledOnce(job);
	}

	@Test
	void shutdownHandsTheJobBack() throws InterruptedException {
		ClaimedJob job = job("blocks", null, 2, 3);
		RunningAttempt running = startInHandler(job);
		assertThat(this.runner.stop(running.attempt, StopReason.SHUTDOWN)).isTrue();
		assertThat(running.join()).isTrue();
		assertThat(awaitEnd(job).result())
			.isEqualTo(new AttemptResult.HandedBack("Interrupted: node node-a shut down and handed the job back"));
		assertSettledOnce(job);
	}

	@Test
	void lostAttemptIsSettledWithoutWritingAnything() throws InterruptedException {
		ClaimedJob job = job("blocks", null, 1, 3);
		RunningAttempt running = startInHandler(job);
		assertThat(this.runner.stop(running.attempt, StopReason.LOST)).isTrue();
		assertThat(running.join()).isTrue();
		assertThat(this.handlers.interrupted).isTrue();
		assertThat(this.committer.unwritten()).isZero();
		assertThat(this.recorder.written()).isEmpty();
		assertSettledOnce(job);
	}

	@Test
	void attemptThatEndedIsNotStoppedAgain() {
		ClaimedJob job = job("echo", "{\"text\":\"hi\"}", 1, 3);
		RunningAttempt running = start(job);
		assertThat(running.join()).isFalse();
		assertThat(this.runner.stop(running.attempt, StopReason.CANCELLED)).isFalse();
		assertThat(this.runner.stop(running.attempt, StopReason.TIMED_OUT)).isFalse();
		assertThat(awaitEnd(job).result()).isInstanceOf(AttemptResult.Completed.class);
		assertSettledOnce(job);
	}

	@Test
	void attemptStoppedTwiceEndsByTheFirstStop() throws InterruptedException {
		ClaimedJob job = job("blocks", null, 1, 3);
		RunningAttempt running = startInHandler(job);
		assertThat(this.runner.stop(running.attempt, StopReason.CANCELLED)).isTrue();
		assertThat(this.runner.stop(running.attempt, StopReason.TIMED_OUT)).isFalse();
		assertThat(running.join()).isTrue();
		assertThat(awaitEnd(job).result()).isInstanceOf(AttemptResult.Cancelled.class);
		assertSettledOnce(job);
	}

	@Test
	void attemptsEndingWhileAnotherThreadStopsThemEndOnceEach() throws InterruptedException {
		int count = 300;
		List<Attempt> attempts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			attempts.add(new Attempt(job("noop", null, 1, 3)));
		}
		boolean[] stopped = new boolean[count];
		CountDownLatch go = new CountDownLatch(1);
		Thread worker = new Thread(() -> {
			Latches.awaitQuietly(go);
			attempts.forEach(this.runner::run);
		}, "attempt-runner");
		Thread stopper = new Thread(() -> {
			Latches.awaitQuietly(go);
			for (int i = 0; i < count; i++) {
				stopped[i] = this.runner.stop(attempts.get(i), StopReason.CANCELLED);
			}
		}, "attempt-stopper");
		worker.start();
		stopper.start();
		go.countDown();
		worker.join(TimeUnit.SECONDS.toMillis(30));
		stopper.join(TimeUnit.SECONDS.toMillis(30));
		assertThat(worker.isAlive()).isFalse();
		assertThat(stopper.isAlive()).isFalse();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.written().size() >= count);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.committer.unwritten() == 0);
		assertThat(this.recorder.written()).hasSize(count);
		assertThat(this.settled).hasSize(count).doesNotHaveDuplicates();
		for (int i = 0; i < count; i++) {
			AttemptResult result = endOf(attempts.get(i).job()).result();
			assertThat(result).isInstanceOf(stopped[i] ? AttemptResult.Cancelled.class : AttemptResult.Completed.class);
		}
	}

	private AttemptRunner runner() {
		return runner(Map.of());
	}

	private AttemptRunner runner(Map<String, HandlerSettings> overrides) {
		JobHandlerRegistry registry = new JobHandlerRegistry();
		new JobHandlerMethodProcessor(registry).postProcessAfterInitialization(this.handlers, "handlers");
		JobDefaults defaults = new JobDefaults("default", Priority.NORMAL, 3, Duration.ofMinutes(1),
				RetryBackoff.fixed(Duration.ofSeconds(1)));
		return new AttemptRunner(registry, new JobSettingsResolver(registry, defaults, overrides),
				new JobPayloadMapper(new JsonMapper(), 1024), this.recorder, this.committer, (event) -> {
				}, this.settled::add, new AttemptLogWriter(), null);
	}

	private RunningAttempt start(ClaimedJob job) {
		return new RunningAttempt(this.runner, new Attempt(job));
	}

	private RunningAttempt startInHandler(ClaimedJob job) throws InterruptedException {
		RunningAttempt running = start(job);
		assertThat(this.handlers.entered.await(30, TimeUnit.SECONDS)).isTrue();
		return running;
	}

	private FinishedAttempt awaitEnd(ClaimedJob job) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.committer.unwritten() == 0 && !this.recorder.endsOf(job).isEmpty());
		return endOf(job);
	}

	private FinishedAttempt endOf(ClaimedJob job) {
		List<FinishedAttempt> ends = this.recorder.endsOf(job);
		assertThat(ends).hasSize(1);
		return ends.get(0);
	}

	private void assertSettledOnce(ClaimedJob job) {
		assertThat(this.settled).extracting(Attempt::job).containsExactly(job);
	}

	/**
	 * An attempt run by the runner on a thread of its own.
	 */
	private static final class RunningAttempt {

		private final Attempt attempt;

		private final Thread thread;

		private final AtomicReference<@Nullable Boolean> outlived = new AtomicReference<>();

		private final AtomicBoolean mdcAfter = new AtomicBoolean(true);

		RunningAttempt(AttemptRunner runner, Attempt attempt) {
			this.attempt = attempt;
			this.thread = new Thread(() -> {
				this.outlived.set(runner.run(attempt));
				this.mdcAfter.set(MDC.get("jobId") != null);
			}, "attempt-" + attempt.job().id());
			this.thread.start();
		}

		/**
		 * Wait for the run to return.
		 * @return whether the handler's thread outlived the attempt's settlement
		 */
		boolean join() {
			try {
				this.thread.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			assertThat(this.thread.isAlive()).isFalse();
			Boolean result = this.outlived.get();
			assertThat(result).isNotNull();
			return result;
		}

	}

	/**
	 * The payload of the {@code echo} handler.
	 *
	 * @param text some text
	 */
	record Greeting(String text) {

	}

	/**
	 * A result that cannot be written as JSON.
	 */
	static final class Unwritable {

		public String getValue() {
			throw new IllegalStateException("no value");
		}

	}

	/**
	 * The handlers, each doing what its name says; those that block tell when they are
	 * inside.
	 */
	static final class Handlers {

		private final Map<String, String> mdc = new ConcurrentHashMap<>();

		private final CountDownLatch entered = new CountDownLatch(1);

		private final CountDownLatch release = new CountDownLatch(1);

		private volatile boolean interrupted;

		@JobHandler("echo")
		Greeting echo(Greeting payload) {
			Map<String, String> context = MDC.getCopyOfContextMap();
			if (context != null) {
				this.mdc.putAll(context);
			}
			return payload;
		}

		@JobHandler("noop")
		void noop() {
		}

		@JobHandler("fails")
		void fails() {
			throw new IllegalStateException("boom");
		}

		@JobHandler("rejects")
		void rejects() {
			throw new NonRetryableJobException("bad input");
		}

		@JobHandler("unsupported")
		void unsupported() {
			throw new UnsupportedOperationException("not here");
		}

		@JobHandler("unwritable")
		Unwritable unwritable() {
			return new Unwritable();
		}

		@JobHandler("blocks")
		void blocks() throws InterruptedException {
			this.entered.countDown();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				this.interrupted = true;
				throw ex;
			}
		}

		@JobHandler("stubborn")
		String stubborn(JobContext context) {
			this.entered.countDown();
			while (!context.isCancelled()) {
				Thread.onSpinWait();
			}
			return "done anyway";
		}

	}

	/**
	 * What the committer told the lifecycle listener.
	 */
	private static final class Events implements JobLifecycleListener {

		private final Map<JobId, Object> completed = new ConcurrentHashMap<>();

		@Override
		public void jobCompleted(ClaimedJob job, @Nullable Object result, Duration duration) {
			this.completed.put(job.id(), (result != null) ? result : "no result");
		}

	}

	private static ClaimedJob job(String name, @Nullable String payloadJson, int attempt, int maxAttempts) {
		return ClaimedJobs.claimed(name, payloadJson, attempt, maxAttempts, RetryBackoff.fixed(BACKOFF));
	}

}
