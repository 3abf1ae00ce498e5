package dev.jobs.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jobs.JobExecution;
import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.JobsNode;
import dev.jobs.JobsOperations;
import dev.jobs.testsupport.NodesContractTests;
import dev.jobs.testsupport.TestHandlers;
import dev.jobs.testsupport.TestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Runner control across nodes through {@link JobsOperations}: a stop asked of every node
 * holds on every node within one poll, also on a node that starts later, until started
 * again; a stop asked of one node leaves the others running; a stopped node keeps its
 * lease and runs its running jobs to their end. Run on every supported database by the
 * subclasses.
 */
abstract class WorkerControlContractTests extends NodesContractTests {

	private static final String POLL_INTERVAL = "200ms";

	private static final Duration ONE_POLL_AND_SOME = Duration.ofMillis(600);

	@Test
	void stopOfEveryNodeHoldsOnEveryNodeAlsoOneThatStartsLaterUntilStartedAgain() throws InterruptedException {
		TestNode a = node("node-a", "jobs.worker.poll-interval", POLL_INTERVAL);
		TestNode b = node("node-b", "jobs.worker.poll-interval", POLL_INTERVAL);
		assertThat(operations(a).stopWorkers(null)).isTrue();
		Thread.sleep(ONE_POLL_AND_SOME.toMillis());
		assertThat(b.worker().stopRequested()).isTrue();
		TestNode c = node("node-c", "jobs.worker.poll-interval", POLL_INTERVAL);
		List<JobId> ids = b.jobs().enqueueAll(requests(20));
		Thread.sleep(ONE_POLL_AND_SOME.toMillis() * 2);
		assertThat(ids).allSatisfy((id) -> assertThat(status(a.jobs(), id)).isEqualTo(JobStatus.PENDING));
		assertThat(c.worker().stopRequested()).isTrue();
		assertThat(operations(c).nodes()).extracting(JobsNode::name, JobsNode::workerRunning)
			.containsExactly(tuple("node-a", false), tuple("node-b", false), tuple("node-c", false));
		assertThat(a.worker().isRunning()).as("the worker keeps its lease").isTrue();
		assertThat(operations(c).startWorkers(null)).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ids.stream().allMatch((id) -> status(a.jobs(), id) == JobStatus.COMPLETED));
		assertThat(operations(a).nodes()).allSatisfy((node) -> assertThat(node.workerRunning()).isTrue());
		assertThat(ids).allSatisfy((id) -> assertThat(recorder().runs(id)).isOne());
	}

	@Test
	void stopOfOneNodeLeavesTheOthersRunningUntilThatNodeIsStartedAgain() throws InterruptedException {
		TestNode a = node("node-a", "jobs.worker.poll-interval", POLL_INTERVAL);
		TestNode b = node("node-b", "jobs.worker.poll-interval", POLL_INTERVAL);
		assertThat(operations(a).stopWorkers("node-b")).isTrue();
		assertThat(operations(a).stopWorkers("no-such-node")).isFalse();
		Thread.sleep(ONE_POLL_AND_SOME.toMillis());
		assertThat(b.worker().stopRequested()).isTrue();
		assertThat(a.worker().stopRequested()).isFalse();
		List<JobId> ids = b.jobs().enqueueAll(requests(30));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ids.stream().allMatch((id) -> status(a.jobs(), id) == JobStatus.COMPLETED));
		assertThat(ids).allSatisfy(
				(id) -> assertThat(a.jobs().history(id)).extracting(JobExecution::node).containsExactly("node-a"));
		assertThat(operations(a).startWorkers("node-b")).isTrue();
		await().atMost(Duration.ofSeconds(5)).until(() -> !b.worker().stopRequested());
	}

	@Test
	void stoppedNodeRunsItsRunningJobToItsEndAndNodesShowWhatEachRuns() {
		TestNode a = node("node-a", "jobs.worker.poll-interval", POLL_INTERVAL, "jobs.worker.concurrency", 3);
		JobId running = a.jobs().enqueue(JobRequest.of("blocking"));
		await().atMost(Duration.ofSeconds(30)).until(() -> recorder().runs(running) == 1);
		operations(a).stopWorkers("node-a");
		await().atMost(Duration.ofSeconds(5)).until(() -> a.worker().stopRequested());
		assertThat(operations(a).nodes()).singleElement().satisfies((node) -> {
			assertThat(node.name()).isEqualTo("node-a");
			assertThat(node.concurrency()).isEqualTo(3);
			assertThat(node.runningJobs()).isOne();
			assertThat(node.workerRunning()).isFalse();
			assertThat(node.heartbeatAge()).isLessThan(Duration.ofSeconds(30));
		});
		a.bean(TestHandlers.class).release();
		await().atMost(Duration.ofSeconds(30)).until(() -> status(a.jobs(), running) == JobStatus.COMPLETED);
		assertThat(operations(a).nodes()).singleElement().satisfies((node) -> assertThat(node.runningJobs()).isZero());
	}

	private static JobsOperations operations(TestNode node) {
		return node.bean(JobsOperations.class);
	}

	private static List<JobRequest> requests(int count) {
		List<JobRequest> requests = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			requests.add(JobRequest.of("noop"));
		}
		return requests;
	}

	private static JobStatus status(Jobs jobs, JobId id) {
		return jobs.get(id).orElseThrow().status();
	}

}
