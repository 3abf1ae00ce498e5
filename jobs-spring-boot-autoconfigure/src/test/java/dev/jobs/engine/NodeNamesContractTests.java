package dev.jobs.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.jobs.Job;
import dev.jobs.JobExecution;
import dev.jobs.JobExecution.Outcome;
import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobQuery;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.actuate.endpoint.JobsEndpoint;
import dev.jobs.health.JobsHealthEvaluator;
import dev.jobs.store.JobStore;
import dev.jobs.store.NodeInfo;
import dev.jobs.store.NodeLease;
import dev.jobs.store.NodeNameInUseException;
import dev.jobs.store.NodeRegistry;
import dev.jobs.testsupport.NodesContractTests;
import dev.jobs.testsupport.TestHandlers;
import dev.jobs.testsupport.TestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What nodes register under their names: an explicit {@code jobs.node-name} is held by
 * one live instance at a time, and each node lists the handlers it has, so that jobs no
 * live node can run are warned about and reported. Run on every supported database by the
 * subclasses.
 */
abstract class NodeNamesContractTests extends NodesContractTests {

	private static final Duration STALE_AFTER = Duration.ofSeconds(2);

	private static final Object[] FAST_LEASES = { "jobs.worker.heartbeat-interval", "200ms", "jobs.worker.stale-after",
			STALE_AFTER.toMillis() + "ms" };

	private final ListAppender<ILoggingEvent> coverageLog = new ListAppender<>();

	@AfterEach
	void detachAppender() {
		((Logger) LoggerFactory.getLogger(HandlerCoverage.class)).detachAppender(this.coverageLog);
	}

	@Test
	void aNodeGivenTheNameOfALiveOneWaitsStaleAfterThenFailsToStartNamingTheHolder() {
		TestNode first = node("shared-name", FAST_LEASES);
		String holder = instanceOf("shared-name");
		long started = System.nanoTime();
		assertThatThrownBy(() -> node("shared-name", FAST_LEASES)).rootCause()
			.isInstanceOf(NodeNameInUseException.class)
			.hasMessageContaining("Node name 'shared-name' is held by instance " + holder)
			.hasMessageContaining("jobs.node-name=shared-name");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the wait for the holder's lease to lapse")
			.isGreaterThanOrEqualTo(STALE_AFTER);
		assertThat(instanceOf("shared-name")).as("the holder keeps its row").isEqualTo(holder);
		JobId id = first.jobs().enqueue("noop", null);
		awaitStatus(first, id, JobStatus.COMPLETED);
		assertThat(first.jobs().history(id)).extracting(JobExecution::node).containsExactly("shared-name");
	}

	@Test
	void aNodeRestartedUnderTheNameOfACrashedOneStartsOnceTheOldLeaseLapsedAndItsJobsAreRescued() {
		TestNode crashed = node("restarted", FAST_LEASES);
		String oldInstance = instanceOf("restarted");
		JobId id = crashed.jobs().enqueue("blocking", null);
		await().atMost(Duration.ofSeconds(20)).until(() -> recorder().runs(id) == 1);
		crashed.worker().halt();
		TestNode restarted = node("restarted", FAST_LEASES);
		restarted.bean(TestHandlers.class).release();
		Job job = awaitStatus(restarted, id, JobStatus.COMPLETED);
		assertThat(job.attempts()).isEqualTo(2);
		assertThat(restarted.jobs().history(id)).extracting(JobExecution::outcome)
			.containsExactly(Outcome.INTERRUPTED, Outcome.COMPLETED);
		String newInstance = instanceOf("restarted");
		assertThat(newInstance).isNotEqualTo(oldInstance);
		crashed.close();
		forget(crashed);
		assertThat(instanceOf("restarted")).as("closing the crashed node leaves its successor's row")
			.isEqualTo(newInstance);
	}

	@Test
	void aNodeStoppedCleanlyLeavesItsNameFreeForItsSuccessorAtOnce() {
		Object[] slowLeases = { "jobs.worker.heartbeat-interval", "1s", "jobs.worker.stale-after", "30s" };
		TestNode first = node("successor", slowLeases);
		first.close();
		forget(first);
		long started = System.nanoTime();
		TestNode successor = node("successor", slowLeases);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the start, which waited for no lease")
			.isLessThan(Duration.ofSeconds(30));
		JobId id = successor.jobs().enqueue("noop", null);
		awaitStatus(successor, id, JobStatus.COMPLETED);
	}

	@Test
	void anotherInstanceOfAHeldNameNeitherHeartbeatsUnderItNorRemovesIt() {
		try (TestNode reader = TestNode.on(dataSource(), schema()).property("jobs.worker.enabled", false).start()) {
			NodeRegistry registry = reader.bean(JobStore.class).nodes();
			NodeLease holder = NodeLease.random("held", Set.of("mine"));
			NodeLease other = NodeLease.random("held", Set.of("theirs"));
			assertThat(registry.register(holder)).isEmpty();
			assertThat(registry.register(other)).get().extracting(NodeInfo::instance).isEqualTo(holder.instance());
			assertThatThrownBy(() -> registry.heartbeat(other)).isInstanceOf(NodeNameInUseException.class)
				.hasMessageContaining("Node name 'held' is held by instance " + holder.instance());
			registry.unregister(other);
			assertThat(registry.heartbeat(holder)).as("the holder's row is still there").isTrue();
			assertThat(registry.liveHandlers(Duration.ofMinutes(1))).contains("mine").doesNotContain("theirs");
			registry.unregister(holder);
			assertThat(registry.nodes()).extracting(NodeInfo::name).doesNotContain("held");
		}
	}

	@Test
	void nodesWithGeneratedNamesNeverCollide() {
		TestNode a = start(
				TestNode.on(dataSource(), schema()).bean(recorder()).bean(new TestHandlers(recorder(), "a")));
		TestNode b = start(
				TestNode.on(dataSource(), schema()).bean(recorder()).bean(new TestHandlers(recorder(), "b")));
		assertThat(a.worker().nodeName()).isNotEqualTo(b.worker().nodeName());
		assertThat(nodes()).extracting(NodeInfo::name).contains(a.worker().nodeName(), b.worker().nodeName());
	}

	@Test
	void jobsThatNoLiveNodeHandlesAreWarnedAboutOnceAndReportedWhileTheyWait() {
		TestNode node = node("coverage", FAST_LEASES);
		attachAppender();
		node.jobs().enqueue("noop", null);
		for (int i = 0; i < 3; i++) {
			node.jobs().enqueue("nobody-handles", null);
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> warningsAbout("nobody-handles") > 0);
		Map<String, Long> expected = Map.of("nobody-handles", 3L);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(healthDetails(node)).containsEntry("unhandled", expected);
			assertThat(endpoint(node).jobs().unhandled()).isEqualTo(expected);
		});
		node.jobs().enqueue("nobody-handles", null);
		await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
		assertThat(warningsAbout("nobody-handles")).as("warnings, at most one per name per interval").isEqualTo(1);
		assertThat(warningsAbout("noop")).isZero();
		assertThat(this.coverageLog.list.get(0).getFormattedMessage())
			.contains("no live node has a handler for it: its jobs stay pending");
		assertThat(node.jobs().count(JobQuery.builder().name("nobody-handles").build())).isEqualTo(4);
		assertThat(node.jobs().count(JobQuery.builder().name("nobody-handles").status(JobStatus.PENDING).build()))
			.isEqualTo(4);
	}

	@Test
	void aNameThatAnotherLiveNodeHandlesIsReportedOnlyOnceThatNodeIsGone() {
		TestNode enqueuer = node(dataSource(), "enqueuer", new Class<?>[0], FAST_LEASES);
		TestNode other = start(TestNode.on(dataSource(), schema())
			.name("other")
			.property("jobs.worker.heartbeat-interval", "200ms")
			.property("jobs.worker.stale-after", STALE_AFTER.toMillis() + "ms")
			// holds its jobs back, so that they wait while it lives
			.property("jobs.queues.elsewhere.paused", true)
			.with(ElsewhereHandler.class));
		attachAppender();
		enqueuer.jobs().enqueue(JobRequest.of("elsewhere").queue("elsewhere"));
		await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
		assertThat(warningsAbout("elsewhere")).isZero();
		assertThat(healthDetails(enqueuer)).containsEntry("unhandled", Map.of());
		other.close();
		forget(other);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(healthDetails(enqueuer)).containsEntry("unhandled", Map.of("elsewhere", 1L)));
	}

	private void attachAppender() {
		this.coverageLog.start();
		((Logger) LoggerFactory.getLogger(HandlerCoverage.class)).addAppender(this.coverageLog);
	}

	private long warningsAbout(String name) {
		return this.coverageLog.list.stream()
			.filter((event) -> event.getFormattedMessage().startsWith("Job '" + name + "' was enqueued"))
			.count();
	}

	private static Map<String, Object> healthDetails(TestNode node) {
		return node.bean(JobsHealthEvaluator.class).evaluate().details();
	}

	private static JobsEndpoint endpoint(TestNode node) {
		return new JobsEndpoint(node.jobs(), node.bean(JobStore.class).nodes(), node.worker(), Show.NEVER, List.of(),
				List.of(), node.bean(HandlerCoverage.class));
	}

	private List<NodeInfo> nodes() {
		try (TestNode reader = TestNode.on(dataSource(), schema()).property("jobs.worker.enabled", false).start()) {
			return reader.bean(JobStore.class).nodes().nodes();
		}
	}

	private String instanceOf(String name) {
		return nodes().stream().filter((node) -> node.name().equals(name)).findFirst().orElseThrow().instance();
	}

	private static Job awaitStatus(TestNode node, JobId id, JobStatus status) {
		await().atMost(Duration.ofSeconds(30)).until(() -> node.jobs().get(id).orElseThrow().status() == status);
		return node.jobs().get(id).orElseThrow();
	}

	@Configuration(proxyBeanMethods = false)
	static class ElsewhereHandler {

		@Bean
		Elsewhere elsewhere() {
			return new Elsewhere();
		}

	}

	static class Elsewhere {

		@JobHandler("elsewhere")
		void run() {
		}

	}

}
