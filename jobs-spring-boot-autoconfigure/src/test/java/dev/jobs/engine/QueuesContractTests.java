package dev.jobs.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.JobId;
import dev.jobs.JobQuery;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.QueueInfo;
import dev.jobs.event.JobCancelledEvent;
import dev.jobs.testsupport.NodesContractTests;
import dev.jobs.testsupport.TestHandlers;
import dev.jobs.testsupport.TestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Cluster-wide queue control through {@link Jobs}: a pause made on one node holds on
 * every node, also on one that starts later, until resumed; a drain cancels what has not
 * started; a clean deletes a queue's old finished jobs; and the queues are described with
 * their counts, pauses, limits and completion rate. Run on every supported database by
 * the subclasses.
 */
abstract class QueuesContractTests extends NodesContractTests {

	private static final String POLL_INTERVAL = "200ms";

	private static final Duration ONE_POLL_AND_SOME = Duration.ofMillis(600);

	@Test
	void queuePausedOnOneNodeIsStartedByNoNodeUntilResumed() throws InterruptedException {
		TestNode a = node("node-a", "jobs.worker.poll-interval", POLL_INTERVAL);
		TestNode b = node("node-b", "jobs.worker.poll-interval", POLL_INTERVAL);
		assertThat(a.jobs().pauseQueue("mail")).isTrue();
		assertThat(b.jobs().pauseQueue("mail")).as("paused already").isFalse();
		Thread.sleep(ONE_POLL_AND_SOME.toMillis());
		TestNode c = node("node-c", "jobs.worker.poll-interval", POLL_INTERVAL);
		List<JobId> mail = b.jobs().enqueueAll(requests("mail", 20));
		List<JobId> other = c.jobs().enqueueAll(requests("other", 20));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> other.stream().allMatch((id) -> status(a.jobs(), id) == JobStatus.COMPLETED));
		Thread.sleep(ONE_POLL_AND_SOME.toMillis());
		assertThat(mail).allSatisfy((id) -> assertThat(status(a.jobs(), id)).isEqualTo(JobStatus.PENDING));
		assertThat(mail).allSatisfy((id) -> assertThat(recorder().runs(id)).isZero());
		assertThat(c.jobs().queues()).filteredOn((queue) -> queue.name().equals("mail"))
			.singleElement()
			.satisfies((queue) -> {
				assertThat(queue.paused()).isTrue();
				assertThat(queue.count(JobStatus.PENDING)).isEqualTo(20);
			});
		assertThat(c.jobs().resumeQueue("mail")).isTrue();
		assertThat(a.jobs().resumeQueue("mail")).as("resumed already").isFalse();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> mail.stream().allMatch((id) -> status(a.jobs(), id) == JobStatus.COMPLETED));
		assertThat(mail).allSatisfy((id) -> assertThat(recorder().runs(id)).isOne());
	}

	@Test
	void pauseLeavesRunningJobsRunning() {
		TestNode a = node("node-a", "jobs.worker.poll-interval", POLL_INTERVAL);
		JobId running = a.jobs().enqueue(JobRequest.of("blocking").queue("mail"));
		await().atMost(Duration.ofSeconds(30)).until(() -> recorder().runs(running) == 1);
		a.jobs().pauseQueue("mail");
		a.bean(TestHandlers.class).release();
		await().atMost(Duration.ofSeconds(30)).until(() -> status(a.jobs(), running) == JobStatus.COMPLETED);
	}

	@Test
	void drainCancelsTheQueuesScheduledAndPendingJobsInBatchesAndLeavesItsRunningJobAndOtherQueues() {
		TestNode a = node("node-a", "jobs.worker.poll-interval", POLL_INTERVAL);
		JobId running = a.jobs().enqueue(JobRequest.of("blocking").queue("mail"));
		await().atMost(Duration.ofSeconds(30)).until(() -> recorder().runs(running) == 1);
		a.jobs().pauseQueue("mail");
		a.jobs().pauseQueue("other");
		List<JobRequest> requests = new ArrayList<>(requests("mail", QueueOperations.BATCH_SIZE * 2 + 7));
		requests.add(JobRequest.of("noop").queue("mail").delay(Duration.ofHours(1)));
		requests.add(JobRequest.of("noop").queue("mail").uniqueKey("mail-digest"));
		a.jobs().enqueueAll(requests);
		List<JobId> other = a.jobs().enqueueAll(requests("other", 3));
		assertThat(a.jobs().drainQueue("mail")).isEqualTo(QueueOperations.BATCH_SIZE * 2 + 9);
		assertThat(a.jobs().count(JobQuery.builder().queue("mail").status(JobStatus.CANCELLED).build()))
			.isEqualTo(QueueOperations.BATCH_SIZE * 2 + 9);
		assertThat(status(a.jobs(), running)).isEqualTo(JobStatus.RUNNING);
		assertThat(other).allSatisfy((id) -> assertThat(status(a.jobs(), id)).isEqualTo(JobStatus.PENDING));
		assertThat(a.jobs().enqueue(JobRequest.of("noop").queue("mail").uniqueKey("mail-digest")))
			.as("a drained job gives up its unique key")
			.isNotNull();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> recorder().events(JobCancelledEvent.class).size() == QueueOperations.BATCH_SIZE * 2 + 9);
		assertThat(a.jobs().drainQueue("mail")).isOne();
		assertThat(a.jobs().drainQueue("empty")).isZero();
		a.bean(TestHandlers.class).release();
		await().atMost(Duration.ofSeconds(30)).until(() -> status(a.jobs(), running) == JobStatus.COMPLETED);
	}

	@Test
	void cleanDeletesTheQueuesJobsOfOneFinishedStatusPastTheGraceUpToTheLimit() throws InterruptedException {
		TestNode a = node("node-a", "jobs.worker.poll-interval", POLL_INTERVAL);
		List<JobId> mail = a.jobs().enqueueAll(requests("mail", 30));
		List<JobId> other = a.jobs().enqueueAll(requests("other", 5));
		JobId failed = a.jobs().enqueue(JobRequest.of("always-fails").queue("mail").maxAttempts(1));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> a.jobs().count(JobQuery.builder().status(JobStatus.COMPLETED).build()) == 35
					&& status(a.jobs(), failed) == JobStatus.FAILED);
		Thread.sleep(50);
		assertThat(a.jobs().cleanQueue("mail", JobStatus.COMPLETED, Duration.ofHours(1), 1000)).isZero();
		assertThat(a.jobs().cleanQueue("mail", JobStatus.COMPLETED, Duration.ZERO, 10)).isEqualTo(10);
		assertThat(a.jobs().cleanQueue("mail", JobStatus.COMPLETED, Duration.ZERO, 1000)).isEqualTo(20);
		assertThat(mail).allSatisfy((id) -> {
			assertThat(a.jobs().get(id)).isEmpty();
			assertThat(a.jobs().history(id)).isEmpty();
		});
		assertThat(other).allSatisfy((id) -> assertThat(status(a.jobs(), id)).isEqualTo(JobStatus.COMPLETED));
		assertThat(status(a.jobs(), failed)).isEqualTo(JobStatus.FAILED);
		assertThat(a.jobs().cleanQueue("mail", JobStatus.FAILED, Duration.ZERO, 1000)).isOne();
		assertThat(a.jobs().get(failed)).isEmpty();
	}

	@Test
	void cleanRefusesAnUnfinishedStatusANegativeGraceAndALimitBelowOne() {
		Jobs jobs = node("node-a").jobs();
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> jobs.cleanQueue("mail", JobStatus.PENDING, Duration.ZERO, 10))
			.withMessageContaining("PENDING");
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> jobs.cleanQueue("mail", JobStatus.COMPLETED, Duration.ofSeconds(-1), 10))
			.withMessageContaining("grace");
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> jobs.cleanQueue("mail", JobStatus.COMPLETED, Duration.ZERO, 0))
			.withMessageContaining("limit");
		assertThatExceptionOfType(InvalidJobRequestException.class).isThrownBy(() -> jobs.pauseQueue(" mail"))
			.withMessageContaining("Queue name");
	}

	@Test
	void queuesAreDescribedWithTheirCountsPausesLimitsAndCompletionRate() {
		TestNode a = node("node-a", "jobs.worker.poll-interval", POLL_INTERVAL, "jobs.queues.narrow.concurrency", 2);
		List<JobId> mail = a.jobs().enqueueAll(requests("mail", 10));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> mail.stream().allMatch((id) -> status(a.jobs(), id) == JobStatus.COMPLETED));
		a.jobs().pauseQueue("idle");
		List<QueueInfo> queues = a.jobs().queues();
		assertThat(queues).extracting(QueueInfo::name).containsSubsequence("idle", "mail", "narrow");
		assertThat(queue(queues, "mail")).satisfies((queue) -> {
			assertThat(queue.count(JobStatus.COMPLETED)).isEqualTo(10);
			assertThat(queue.completedPerMinute()).isEqualTo(2.0);
			assertThat(queue.paused()).isFalse();
			assertThat(queue.concurrency()).isNull();
		});
		assertThat(queue(queues, "idle")).satisfies((queue) -> {
			assertThat(queue.paused()).isTrue();
			assertThat(queue.counts().values()).containsOnly(0L);
		});
		assertThat(queue(queues, "narrow").concurrency()).isEqualTo(2);
	}

	private static QueueInfo queue(List<QueueInfo> queues, String name) {
		return queues.stream().filter((queue) -> queue.name().equals(name)).findFirst().orElseThrow();
	}

	private static List<JobRequest> requests(String queue, int count) {
		List<JobRequest> requests = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			requests.add(JobRequest.of("noop").queue(queue));
		}
		return requests;
	}

	private static JobStatus status(Jobs jobs, JobId id) {
		return jobs.get(id).orElseThrow().status();
	}

}
