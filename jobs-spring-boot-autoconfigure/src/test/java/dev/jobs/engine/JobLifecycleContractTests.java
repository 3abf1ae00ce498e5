package dev.jobs.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.jobs.Backoff;
import dev.jobs.Job;
import dev.jobs.JobContext;
import dev.jobs.JobExecution;
import dev.jobs.JobExecution.Outcome;
import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.event.JobCancelledEvent;
import dev.jobs.event.JobRetryScheduledEvent;
import dev.jobs.testsupport.NodesContractTests;
import dev.jobs.testsupport.Recorder;
import dev.jobs.testsupport.TestHandlers;
import dev.jobs.testsupport.TestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What becomes of a running job when its attempt does not simply complete: a rescued or
 * handed-back job keeps its place in line, and a job whose cancel was accepted never
 * starts again, whether its attempt then fails, is handed back or is rescued. Run on
 * every supported database by the subclasses.
 */
abstract class JobLifecycleContractTests extends NodesContractTests {

	private static final Object[] FAST_LEASES = { "jobs.worker.heartbeat-interval", "200ms", "jobs.worker.stale-after",
			"2s" };

	/**
	 * A worker that looks for cancel requests only this rarely leaves them to the store,
	 * which is what these tests are about.
	 */
	private static final String RARE_POLLS = "10s";

	private static final int BACKLOG = 60;

	@Test
	void rescuedJobKeepsItsPlaceInLineAheadOfABacklogDueAfterIt() {
		TestNode a = node("node-a", concat(FAST_LEASES, "jobs.worker.concurrency", 1));
		JobId first = a.jobs().enqueue("blocking", null);
		await().until(() -> recorder().runs(first) == 1);
		List<JobId> backlog = a.jobs().enqueueAll(backlog());
		TestNode b = node("node-b", concat(FAST_LEASES, "jobs.worker.concurrency", 1));
		b.bean(TestHandlers.class).release();
		await().until(() -> recorder().order().stream().anyMatch((label) -> label.startsWith("node-b:")));
		Instant killedAt = Instant.now();
		a.worker().halt();
		awaitStatus(b.jobs(), first, JobStatus.COMPLETED);
		List<JobExecution> history = b.jobs().history(first);
		assertThat(history).extracting(JobExecution::outcome).containsExactly(Outcome.INTERRUPTED, Outcome.COMPLETED);
		// stale-after (2s), then a heartbeat's rescue and a poll, with room for a loaded
		// machine; the backlog alone takes node b nine seconds
		assertThat(Duration.between(killedAt, history.get(1).startedAt())).isLessThan(Duration.ofSeconds(5));
		assertStartedOnBAheadOfMostOfTheBacklog(first, backlog);
	}

	@Test
	void handedBackJobKeepsItsPlaceInLineAheadOfABacklogDueAfterIt() {
		TestNode a = node("node-a", "jobs.worker.concurrency", 1);
		JobId first = a.jobs().enqueue("blocking", null);
		await().until(() -> recorder().runs(first) == 1);
		List<JobId> backlog = a.jobs().enqueueAll(backlog());
		TestNode b = node("node-b", "jobs.worker.concurrency", 1);
		b.bean(TestHandlers.class).release();
		a.worker().stop();
		Job job = awaitStatus(b.jobs(), first, JobStatus.COMPLETED);
		assertThat(job.attempts()).isEqualTo(1);
		assertStartedOnBAheadOfMostOfTheBacklog(first, backlog);
	}

	private static List<JobRequest> backlog() {
		List<JobRequest> requests = new ArrayList<>();
		for (int i = 0; i < BACKLOG; i++) {
			requests.add(JobRequest.of("tracked", 150L));
		}
		return requests;
	}

	/**
	 * The backlog takes node b ten seconds; the job due before it starts again once it is
	 * rescued or handed back, a few seconds in, not after the backlog.
	 */
	private void assertStartedOnBAheadOfMostOfTheBacklog(JobId first, List<JobId> backlog) {
		List<String> startsOnB = recorder().order().stream().filter((label) -> label.startsWith("node-b:")).toList();
		int position = startsOnB.indexOf("node-b:" + first);
		assertThat(position).as("starts on node b before the job due first (of %s backlog jobs)", backlog.size())
			.isBetween(0, 2 * BACKLOG / 3);
	}

	@Test
	void cancelledJobWhoseAttemptFailsWithAttemptsLeftIsCancelledNotRetried() {
		Gate gate = new Gate();
		TestNode a = start(gated(gate, "node-a").property("jobs.worker.poll-interval", RARE_POLLS));
		JobId id = a.jobs().enqueue("fails-when-released", null);
		await().until(() -> recorder().runs(id) == 1);
		TestNode b = start(gated(gate, "node-b"));
		assertThat(b.jobs().cancel(id)).isTrue();
		gate.open();
		assertCancelledAndNeverStartedAgain(b.jobs(), id, "node-a");
		assertThat(recorder().events(JobRetryScheduledEvent.class)).noneMatch((event) -> event.jobId().equals(id));
	}

	@Test
	void cancelledJobHandedBackAtShutdownIsCancelledNotRunAgain() {
		TestNode a = node("node-a", "jobs.worker.poll-interval", RARE_POLLS);
		JobId id = a.jobs().enqueue("blocking", null);
		await().until(() -> recorder().runs(id) == 1);
		TestNode b = node("node-b");
		assertThat(b.jobs().cancel(id)).isTrue();
		a.worker().stop();
		assertCancelledAndNeverStartedAgain(b.jobs(), id, "node-a");
	}

	@Test
	void cancelledJobOfADeadNodeIsCancelledByTheRescueNotRunAgain() {
		TestNode a = node("node-a", concat(FAST_LEASES, "jobs.worker.poll-interval", RARE_POLLS));
		JobId id = a.jobs().enqueue("blocking", null);
		await().until(() -> recorder().runs(id) == 1);
		TestNode b = node("node-b", FAST_LEASES);
		assertThat(b.jobs().cancel(id)).isTrue();
		a.worker().halt();
		assertCancelledAndNeverStartedAgain(b.jobs(), id, "node-a");
		assertThat(b.jobs().history(id).get(0).error()).contains("node-a stopped heartbeating");
	}

	private void assertCancelledAndNeverStartedAgain(Jobs jobs, JobId id, String node) {
		awaitStatus(jobs, id, JobStatus.CANCELLED);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> recorder().events(JobCancelledEvent.class).stream().anyMatch((e) -> e.jobId().equals(id)));
		// longer than the retry's backoff and several polls of the other node
		sleep(Duration.ofMillis(1500));
		Job job = jobs.get(id).orElseThrow();
		assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
		assertThat(job.finishedAt()).isNotNull();
		assertThat(recorder().runs(id)).isEqualTo(1);
		assertThat(jobs.history(id)).singleElement().satisfies((execution) -> {
			assertThat(execution.outcome()).isEqualTo(Outcome.CANCELLED);
			assertThat(execution.node()).isEqualTo(node);
			assertThat(execution.error()).startsWith("Cancelled while attempt 1 ran");
		});
		assertThat(recorder().events(JobCancelledEvent.class)).filteredOn((event) -> event.jobId().equals(id))
			.hasSize(1);
	}

	@Test
	void jobsOfOneEnqueueAllRunInTheOrderTheyWereEnqueued() {
		TestNode node = node("node-a", "jobs.worker.concurrency", 1);
		node.worker().stop();
		List<JobRequest> requests = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			labels.add("job-" + i);
			requests.add(JobRequest.of("ordered", "job-" + i));
		}
		List<JobId> ids = node.jobs().enqueueAll(requests);
		assertThat(ids).isSorted();
		node.worker().start();
		await().atMost(Duration.ofSeconds(60)).until(() -> recorder().order().size() == labels.size());
		assertThat(recorder().order()).containsExactlyElementsOf(labels);
	}

	@Test
	void retryDueBeforeTheNextPollStartsWhenItIsDue() {
		TestNode node = start(gated(new Gate(), "node-a").property("jobs.worker.poll-interval", "5s"));
		JobId id = node.jobs().enqueue("fails-once", null);
		awaitStatus(node.jobs(), id, JobStatus.COMPLETED);
		List<JobExecution> history = node.jobs().history(id);
		assertThat(history).extracting(JobExecution::outcome).containsExactly(Outcome.FAILED, Outcome.COMPLETED);
		Duration wait = Duration.between(history.get(0).finishedAt(), history.get(1).startedAt());
		assertThat(wait).as("from the failure to the retry, with a backoff of 300ms and polls 5s apart")
			.isGreaterThanOrEqualTo(Duration.ofMillis(250))
			.isLessThan(Duration.ofMillis(2500));
	}

	@Test
	void jobEnqueuedWithADelayShorterThanThePollIntervalStartsWhenItIsDue() {
		TestNode node = node("node-a", "jobs.worker.poll-interval", "5s");
		JobId id = node.jobs().enqueue(JobRequest.of("noop").delay(Duration.ofMillis(400)));
		Job job = awaitStatus(node.jobs(), id, JobStatus.COMPLETED);
		Duration wait = Duration.between(job.createdAt(), job.startedAt());
		assertThat(wait).as("from the enqueue to the start, with a delay of 400ms and polls 5s apart")
			.isGreaterThanOrEqualTo(Duration.ofMillis(350))
			.isLessThan(Duration.ofMillis(2500));
	}

	private TestNode.Builder gated(Gate gate, String name) {
		return nodeBuilder(dataSource(), name).with(GatedHandlersConfiguration.class).bean(gate);
	}

	static Job awaitStatus(Jobs jobs, JobId id, JobStatus status) {
		await().atMost(Duration.ofSeconds(30)).until(() -> jobs.get(id).orElseThrow().status() == status);
		return jobs.get(id).orElseThrow();
	}

	static Object[] concat(Object[] first, Object... more) {
		Object[] all = new Object[first.length + more.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Holds handlers until the test opens it, on every node.
	 */
	static class Gate {

		private final CountDownLatch latch = new CountDownLatch(1);

		void open() {
			this.latch.countDown();
		}

		void await() throws InterruptedException {
			this.latch.await();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class GatedHandlersConfiguration {

		@Bean
		GatedHandlers gatedHandlers(Recorder recorder, Gate gate) {
			return new GatedHandlers(recorder, gate);
		}

	}

	static class GatedHandlers {

		private final Recorder recorder;

		private final Gate gate;

		GatedHandlers(Recorder recorder, Gate gate) {
			this.recorder = recorder;
			this.gate = gate;
		}

		@JobHandler(value = "fails-when-released", maxAttempts = 3, backoff = @Backoff(delay = "50ms", jitter = 0))
		void failsWhenReleased(JobContext context) throws InterruptedException {
			this.recorder.started(context, "gated:" + context.jobId());
			try {
				this.gate.await();
				throw new IllegalStateException("failed once released");
			}
			finally {
				this.recorder.finished(context);
			}
		}

		@JobHandler(value = "fails-once", maxAttempts = 2, backoff = @Backoff(delay = "300ms", jitter = 0))
		void failsOnce(JobContext context) {
			this.recorder.started(context, "fails-once:" + context.attempt());
			this.recorder.finished(context);
			if (context.attempt() == 1) {
				throw new IllegalStateException("first attempt fails");
			}
		}

	}

}
