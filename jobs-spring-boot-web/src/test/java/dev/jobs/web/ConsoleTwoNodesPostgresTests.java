package dev.jobs.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import dev.jobs.Job;
import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.web.app.ConsoleTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two nodes of one application on the same PostgreSQL tables, each a Spring context of
 * its own with a worker polling every 200 ms: what node A's console asks of queues and
 * runners holds on node B.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleTwoNodesPostgresTests {

	private static final String API = "/jobs/api";

	private static final Duration POLL = Duration.ofMillis(200);

	/**
	 * Long enough for the other node to have polled a few times.
	 */
	private static final Duration SETTLE = POLL.multipliedBy(5);

	/**
	 * Well over one poll: how long held jobs are watched.
	 */
	private static final Duration HELD = POLL.multipliedBy(10);

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final String PREFIX = ConsoleTestDatabase.randomPrefix();

	private static final String NODE_A = "console-a-" + PREFIX.substring(1, 9);

	private static final String NODE_B = "console-b-" + PREFIX.substring(1, 9);

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static MockMvc consoleOfA;

	@BeforeAll
	static void startTwoNodes() {
		String url = ConsoleTestDatabase.POSTGRESQL.url();
		a = start(url, NODE_A);
		b = start(url, NODE_B);
		consoleOfA = MockMvcBuilders.webAppContextSetup((WebApplicationContext) a).build();
		await().atMost(PATIENCE)
			.untilAsserted(() -> consoleOfA.perform(get(API + "/nodes"))
				.andExpect(jsonPath("$.nodes[*].name", containsInAnyOrder(NODE_A, NODE_B))));
	}

	@AfterAll
	static void stopBothNodesAndDropTheirTables() {
		if (a == null) {
			return;
		}
		try {
			if (b != null) {
				b.close();
			}
			a.close();
		}
		finally {
			try (HikariDataSource dataSource = new HikariDataSource()) {
				dataSource.setJdbcUrl(ConsoleTestDatabase.POSTGRESQL.url());
				dataSource.setMaximumPoolSize(1);
				ConsoleTestDatabase.dropTables(dataSource, PREFIX);
			}
		}
	}

	private static ConfigurableApplicationContext start(String url, String node) {
		return new SpringApplicationBuilder(ConsoleTestApplication.class)
			.properties(ConsoleTestProperties.NO_SECURITY, ConsoleTestProperties.ENABLED,
					ConsoleTestDatabase.URL_PROPERTY + "=" + url, ConsoleTestDatabase.PREFIX_PROPERTY + "=" + PREFIX,
					"jobs.node-name=" + node, "jobs.worker.poll-interval=" + POLL.toMillis() + "ms",
					"jobs.web.access=unrestricted", "server.port=0", "spring.main.banner-mode=off")
			.run();
	}

	@Test
	@Order(1)
	void pauseThroughNodeAHoldsTheJobsOfNodeBUntilResumed() throws Exception {
		consoleOfA.perform(post(API + "/queues/outbox/pause"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.changed").value(true));
		Thread.sleep(SETTLE.toMillis());
		JobId held = jobsOf(b).enqueue("send-mail", Map.of("to", "b@example.com"));
		await().during(HELD).atMost(HELD.plus(PATIENCE)).until(() -> statusOn(b, held) == JobStatus.PENDING);
		consoleOfA.perform(get(API + "/queues/outbox"))
			.andExpect(jsonPath("$.paused").value(true))
			.andExpect(jsonPath("$.counts.PENDING").value(1));
		consoleOfA.perform(post(API + "/queues/outbox/resume"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.changed").value(true));
		await().atMost(PATIENCE).until(() -> statusOn(b, held) == JobStatus.COMPLETED);
	}

	@Test
	@Order(2)
	void drainThroughNodeACancelsThePendingJobsNodeBEnqueued() throws Exception {
		consoleOfA.perform(post(API + "/queues/outbox/pause")).andExpect(status().isOk());
		try {
			Thread.sleep(SETTLE.toMillis());
			List<JobId> pending = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				pending.add(jobsOf(b).enqueue("send-mail", Map.of("to", "drain-" + i + "@example.com")));
			}
			assertThat(pending).allMatch((id) -> statusOn(b, id) == JobStatus.PENDING);
			consoleOfA.perform(post(API + "/queues/outbox/drain"))
				.andExpect(status().isOk())
				.andExpect(content().json("{\"cancelled\":3}", true));
			assertThat(pending).allMatch((id) -> statusOn(b, id) == JobStatus.CANCELLED);
		}
		finally {
			consoleOfA.perform(post(API + "/queues/outbox/resume")).andExpect(status().isOk());
		}
	}

	@Test
	@Order(3)
	void stoppingNodeBsRunnerThroughNodeALeavesItsJobsToNodeAUntilStartedAgain() throws Exception {
		try {
			consoleOfA.perform(post(API + "/runner/stop").param("node", NODE_B))
				.andExpect(status().isOk())
				.andExpect(content().json("{\"node\":\"" + NODE_B + "\",\"running\":false}", true));
			consoleOfA.perform(get(API + "/nodes"))
				.andExpect(jsonPath("$.nodes[?(@.name == '" + NODE_B + "')].workerRunning").value(false))
				.andExpect(jsonPath("$.nodes[?(@.name == '" + NODE_A + "')].workerRunning").value(true));
			Thread.sleep(SETTLE.toMillis());
			List<JobId> enqueuedOnB = enqueueMail(b, "while-b-stopped", 6);
			await().atMost(PATIENCE).until(() -> enqueuedOnB.stream().allMatch((id) -> finished(b, id)));
			assertThat(enqueuedOnB).allSatisfy((id) -> {
				Job job = jobsOf(b).get(id).orElseThrow();
				assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
				assertThat(jobsOf(b).history(id)).singleElement()
					.satisfies((attempt) -> assertThat(attempt.node()).isEqualTo(NODE_A));
			});
			consoleOfA.perform(post(API + "/runner/start").param("node", NODE_B))
				.andExpect(status().isOk())
				.andExpect(content().json("{\"node\":\"" + NODE_B + "\",\"running\":true}", true));
			// with A stopped in turn, only B can run what comes now
			consoleOfA.perform(post(API + "/runner/stop").param("node", NODE_A)).andExpect(status().isOk());
			Thread.sleep(SETTLE.toMillis());
			List<JobId> afterStart = enqueueMail(b, "after-b-started", 3);
			await().atMost(PATIENCE).until(() -> afterStart.stream().allMatch((id) -> finished(b, id)));
			assertThat(afterStart).allSatisfy((id) -> {
				Job job = jobsOf(b).get(id).orElseThrow();
				assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
				assertThat(jobsOf(b).history(id)).singleElement()
					.satisfies((attempt) -> assertThat(attempt.node()).isEqualTo(NODE_B));
			});
		}
		finally {
			consoleOfA.perform(post(API + "/runner/start").contentType(MediaType.APPLICATION_JSON))
				.andExpect(status().isOk())
				.andExpect(content().json("{\"node\":null,\"running\":true}", true));
		}
		consoleOfA.perform(get(API + "/nodes"))
			.andExpect(jsonPath("$.nodes[*].workerRunning",
					org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(true))));
	}

	private static List<JobId> enqueueMail(ConfigurableApplicationContext node, String what, int count) {
		List<JobId> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(jobsOf(node).enqueue(JobRequest.of("send-mail", Map.of("to", what + "-" + i + "@example.com"))));
		}
		return ids;
	}

	private static boolean finished(ConfigurableApplicationContext node, JobId id) {
		return statusOn(node, id).isFinished();
	}

	private static JobStatus statusOn(ConfigurableApplicationContext node, JobId id) {
		return jobsOf(node).get(id).orElseThrow().status();
	}

	private static Jobs jobsOf(ConfigurableApplicationContext node) {
		return node.getBean(Jobs.class);
	}

}
