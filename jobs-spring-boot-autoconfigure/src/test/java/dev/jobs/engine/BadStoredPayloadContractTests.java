package dev.jobs.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.jobs.testsupport.GadgetCanary;
import dev.jobs.Job;
import dev.jobs.JobContext;
import dev.jobs.JobExecution;
import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.testsupport.DatabaseContractTests;
import dev.jobs.testsupport.TestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Payloads written straight into the jobs table, as a bug, an older version or an
 * attacker with database access would leave them, run by a real worker: a payload that
 * cannot be read fails its own job once, for good, keeps its bytes and runs after a fix
 * and a manual retry; no type id in it chooses a class; no worker thread dies and other
 * jobs keep running. Run on every database by the subclasses.
 */
abstract class BadStoredPayloadContractTests extends DatabaseContractTests {

	private static final Map<String, List<Object>> received = new ConcurrentHashMap<>();

	private TestNode node;

	@BeforeEach
	void startNode() {
		received.clear();
		this.node = node(new VersionOneHandlers());
	}

	@AfterEach
	void stopNode() {
		if (this.node != null) {
			this.node.close();
		}
	}

	private TestNode node(Object... beans) {
		TestNode.Builder builder = TestNode.on(dataSource(), schema())
			.name("node-" + beans[0].getClass().getSimpleName())
			.property("jobs.worker.auto-start", "false")
			.property("jobs.worker.concurrency", "2");
		for (Object bean : beans) {
			builder.bean(bean);
		}
		return builder.start();
	}

	private Jobs jobs() {
		return this.node.jobs();
	}

	@Test
	void unreadablePayloadsFailTheirJobOnceKeepTheirBytesAndStopNothingElse() {
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("truncated", "{\"id\":\"o-1\",\"quantity\":");
		cases.put("a string", "\"just text\"");
		cases.put("an array", "[1,2,3]");
		cases.put("a number", "42");
		cases.put("a changed type", "{\"id\":\"o-1\",\"quantity\":\"many\"}");
		cases.put("10,000 levels",
				"{\"id\":\"o-1\",\"quantity\":1,\"extra\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
		cases.put("a huge string", "{\"id\":\"" + "x".repeat(hugeStringLength()) + "\",\"quantity\":1}");
		Map<String, JobId> ids = new LinkedHashMap<>();
		cases.forEach((label, json) -> ids.put(label, storedWithPayload("order", json)));
		List<JobId> healthy = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			healthy.add(jobs().enqueue("healthy", null));
		}
		this.node.worker().start();
		for (JobId id : healthy) {
			awaitStatus(id, JobStatus.COMPLETED);
		}
		cases.forEach((label, json) -> {
			Job job = awaitStatus(ids.get(label), JobStatus.FAILED);
			assertThat(job.attempts()).as(label).isEqualTo(1);
			assertThat(job.error()).as(label).startsWith("Payload of job " + job.id() + " cannot be read as ");
			assertThat(job.error().length()).as(label).isLessThan(5_000);
			assertThat(jobs().history(job.id())).as(label)
				.singleElement()
				.extracting(JobExecution::outcome)
				.isEqualTo(JobExecution.Outcome.FAILED);
			assertThat(job.payloadJson().getBytes(StandardCharsets.UTF_8)).as(label)
				.isEqualTo(json.getBytes(StandardCharsets.UTF_8));
		});
		assertThat(jobs().get(ids.get("a huge string")).orElseThrow().error()).contains("jobs.payload.max-size");
		assertThat(jobs().get(ids.get("10,000 levels")).orElseThrow().error()).contains("nesting depth");
		assertThat(received.get("order")).isNull();
		assertThat(this.node.worker().isRunning()).isTrue();
		assertThat(this.node.worker().stuckThreads()).isZero();
		JobId after = jobs().enqueue("healthy", null);
		awaitStatus(after, JobStatus.COMPLETED);
	}

	@Test
	void typeIdsInStoredPayloadsChooseNoClassEvenWhenTheApplicationsMapperUsesDefaultTyping() {
		this.node.close();
		JsonMapper applicationMapper = JsonMapper.builder()
			.activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfBaseType(Object.class).build(),
					DefaultTyping.NON_FINAL)
			.build();
		this.node = node(new VersionOneHandlers(), applicationMapper);
		String canary = GadgetCanary.class.getName();
		JobId property = storedWithPayload("any", "{\"@class\":\"" + canary + "\",\"value\":\"x\"}");
		JobId wrapped = storedWithPayload("any", "[\"" + canary + "\",{\"value\":\"x\"}]");
		JobId typed = storedWithPayload("order", "{\"@class\":\"" + canary + "\",\"id\":\"o-2\",\"quantity\":2}");
		this.node.worker().start();
		awaitStatus(property, JobStatus.COMPLETED);
		awaitStatus(wrapped, JobStatus.COMPLETED);
		awaitStatus(typed, JobStatus.COMPLETED);
		assertThat(received.get("any")).containsExactlyInAnyOrder(Map.of("@class", canary, "value", "x"),
				List.of(canary, Map.of("value", "x")));
		assertThat(received.get("order")).containsExactly(new Order("o-2", 2));
		assertThat(GadgetCanary.Flag.INITIALISED).isFalse();
	}

	@Test
	void payloadsOfAnEarlierVersionAreReadAsTheHandlerDeclares() {
		// version 1 wrote {"id", "quantity"}; Order is the same, OrderWithNote has a
		// field more, and the renamed versions call "id" "orderId"
		JobId added = storedWithPayload("order-with-note", "{\"id\":\"o-3\",\"quantity\":3}");
		JobId removed = storedWithPayload("order", "{\"id\":\"o-4\",\"quantity\":4,\"gift\":true}");
		JobId aliased = storedWithPayload("renamed-with-alias", "{\"id\":\"o-5\",\"quantity\":5}");
		JobId required = storedWithPayload("renamed-required", "{\"id\":\"o-6\",\"quantity\":6}");
		this.node.worker().start();
		awaitStatus(added, JobStatus.COMPLETED);
		awaitStatus(removed, JobStatus.COMPLETED);
		awaitStatus(aliased, JobStatus.COMPLETED);
		Job failed = awaitStatus(required, JobStatus.FAILED);
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.error()).contains("orderId");
		assertThat(received.get("order-with-note")).containsExactly(new OrderWithNote("o-3", 3, null));
		assertThat(received.get("order")).containsExactly(new Order("o-4", 4));
		assertThat(received.get("renamed-with-alias")).containsExactly(new RenamedOrder("o-5", 5));
	}

	@Test
	void incompatibleJobFailsOnceAndRunsWithItsOriginalBytesAfterTheFixAndARetry() {
		String json = "{\"id\":\"o-7\",\"quantity\":\"a dozen\"}";
		JobId id = storedWithPayload("order", json);
		this.node.worker().start();
		Job failed = awaitStatus(id, JobStatus.FAILED);
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.maxAttempts()).isEqualTo(5);
		assertThat(received.get("order")).isNull();
		this.node.close();
		this.node = node(new VersionTwoHandlers());
		this.node.worker().start();
		assertThat(jobs().retry(id)).isEqualTo(id);
		Job completed = awaitStatus(id, JobStatus.COMPLETED);
		assertThat(received.get("order")).containsExactly(new OrderWithTextQuantity("o-7", "a dozen"));
		assertThat(completed.payloadJson().getBytes(StandardCharsets.UTF_8))
			.isEqualTo(json.getBytes(StandardCharsets.UTF_8));
		assertThat(jobs().history(id)).extracting(JobExecution::outcome)
			.containsExactly(JobExecution.Outcome.FAILED, JobExecution.Outcome.COMPLETED);
	}

	/**
	 * The longest string this database's connection carries in one row: 50 MB, but less
	 * on MariaDB and MySQL, whose {@code max_allowed_packet} bounds a row (16 MB on
	 * MariaDB, 64 MB on MySQL 8.4: the smaller for both).
	 */
	private int hugeStringLength() {
		return database().usesMySqlDialect() ? 15 * 1024 * 1024 : 50 * 1024 * 1024;
	}

	private JobId storedWithPayload(String name, String json) {
		JobId id = jobs().enqueue(JobRequest.of(name, "placeholder").maxAttempts(5));
		Object key = database().usesMySqlDialect() ? id.toString() : UUID.fromString(id.toString());
		int updated = new JdbcTemplate(dataSource())
			.update("UPDATE " + schema().prefix() + "job SET payload = ? WHERE id = ?", json, key);
		assertThat(updated).isOne();
		return id;
	}

	private Job awaitStatus(JobId id, JobStatus status) {
		await().atMost(Duration.ofSeconds(60)).until(() -> jobs().get(id).orElseThrow().finishedAt() != null);
		Job job = jobs().get(id).orElseThrow();
		assertThat(job.status()).as("%s, error %s", id, job.error()).isEqualTo(status);
		return job;
	}

	private static void receive(String handler, Object payload) {
		received.computeIfAbsent(handler, (key) -> new CopyOnWriteArrayList<>()).add(payload);
	}

	record Order(String id, int quantity) {

	}

	record OrderWithNote(String id, int quantity, String note) {

	}

	record RenamedOrder(@JsonAlias("id") String orderId, int quantity) {

	}

	record RequiredRenamedOrder(@JsonProperty(required = true) String orderId, int quantity) {

	}

	record OrderWithTextQuantity(String id, String quantity) {

	}

	static class VersionOneHandlers {

		@JobHandler("order")
		void order(Order payload, JobContext context) {
			receive("order", payload);
		}

		@JobHandler("order-with-note")
		void orderWithNote(OrderWithNote payload) {
			receive("order-with-note", payload);
		}

		@JobHandler("renamed-with-alias")
		void renamedWithAlias(RenamedOrder payload) {
			receive("renamed-with-alias", payload);
		}

		@JobHandler("renamed-required")
		void renamedRequired(RequiredRenamedOrder payload) {
			receive("renamed-required", payload);
		}

		@JobHandler("any")
		void any(Object payload) {
			receive("any", payload);
		}

		@JobHandler("healthy")
		void healthy() {
		}

	}

	static class VersionTwoHandlers {

		@JobHandler("order")
		void order(OrderWithTextQuantity payload) {
			receive("order", payload);
		}

	}

}
