package dev.jobs.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.worker.PollingJobWorker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the {@code jobs} Actuator endpoint of the shop over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "shop.mail.failures-before-success=0")
class ShopActuatorIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Autowired
	private Jobs jobs;

	@Autowired
	private PollingJobWorker worker;

	private RestClient client;

	@BeforeEach
	void createClient() {
		this.client = RestClient.create("http://localhost:" + this.port + "/actuator");
	}

	@Test
	@SuppressWarnings("unchecked")
	void overviewShowsCountsTheWorkerTheNodesAndTheRecurringJobs() {
		JobId id = this.jobs.enqueue(JobRequest.of("send-email", new Customer("Ada", "ada@example.com")));
		await().until(() -> this.jobs.get(id).orElseThrow().status() == JobStatus.COMPLETED);
		Map<String, Object> overview = get("/jobs").getBody();
		assertThat((Map<String, Object>) overview.get("counts")).containsKey("COMPLETED");
		assertThat((Map<String, Object>) overview.get("queues")).containsKey("mail");
		Map<String, Object> worker = (Map<String, Object>) overview.get("worker");
		assertThat(worker).containsEntry("node", this.worker.nodeName())
			.containsEntry("running", true)
			.containsEntry("capacity", 4)
			.containsKey("lastPoll");
		assertThat((List<Map<String, Object>>) overview.get("nodes"))
			.anySatisfy((node) -> assertThat(node).containsEntry("name", this.worker.nodeName()));
		assertThat((List<Map<String, Object>>) overview.get("recurring"))
			.extracting((recurring) -> recurring.get("name"))
			.contains("nightly-report", "cart-cleanup");
	}

	@Test
	@SuppressWarnings("unchecked")
	void oneJobComesWithItsHistoryLogsAndPayload() {
		JobId id = this.jobs.enqueue(JobRequest.of("send-email", new Customer("Grace", "grace@example.com")));
		await().until(() -> this.jobs.get(id).orElseThrow().status() == JobStatus.COMPLETED);
		Map<String, Object> job = get("/jobs/" + id).getBody();
		assertThat(job).containsEntry("id", id.toString())
			.containsEntry("name", "send-email")
			.containsEntry("status", "COMPLETED");
		assertThat((String) job.get("payload")).contains("grace@example.com");
		assertThat((List<Map<String, Object>>) job.get("history")).singleElement()
			.satisfies((execution) -> assertThat(execution).containsEntry("outcome", "COMPLETED")
				.containsEntry("node", this.worker.nodeName()));
		assertThat((List<Map<String, Object>>) job.get("logs")).singleElement()
			.satisfies((line) -> assertThat(line).containsEntry("level", "INFO")
				.containsEntry("message", "Sent welcome email to grace@example.com on attempt 1")
				.doesNotContainKey("droppedMarker"));
	}

	@Test
	void unknownJobIsNotFoundAndAMalformedIdIsABadRequest() {
		assertThat(get("/jobs/01900000-0000-7000-8000-000000000000").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(get("/jobs/not-a-uuid").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(post("/jobs/01900000-0000-7000-8000-000000000000", "cancel").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void cancelAndRetryAJob() {
		JobId id = this.jobs
			.enqueue(JobRequest.of("send-email", new Customer("Alan", "alan@example.com")).delay(Duration.ofHours(1)));
		ResponseEntity<Map<String, Object>> cancelled = post("/jobs/" + id, "cancel");
		assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(cancelled.getBody()).containsEntry("done", true);
		assertThat(this.jobs.get(id).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
		assertThat(post("/jobs/" + id, "cancel").getBody()).containsEntry("done", false);
		ResponseEntity<Map<String, Object>> retried = post("/jobs/" + id, "retry");
		assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
		JobId retry = JobId.of((String) retried.getBody().get("jobId"));
		await().until(() -> this.jobs.get(retry).orElseThrow().status() == JobStatus.COMPLETED);
		assertThat(post("/jobs/" + id, "explode").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void pauseResumeAndTriggerARecurringJob() {
		assertThat(post("/jobs/recurring/nightly-report", "pause").getBody()).containsEntry("done", true);
		assertThat(recurringPaused("nightly-report")).isTrue();
		assertThat(post("/jobs/recurring/nightly-report", "resume").getBody()).containsEntry("done", true);
		assertThat(recurringPaused("nightly-report")).isFalse();
		ResponseEntity<Map<String, Object>> triggered = post("/jobs/recurring/nightly-report", "trigger");
		JobId id = JobId.of((String) triggered.getBody().get("jobId"));
		await().until(() -> this.jobs.get(id).orElseThrow().status() == JobStatus.COMPLETED);
		assertThat(post("/jobs/recurring/no-such-job", "pause").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(post("/jobs/elsewhere/nightly-report", "pause").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void pauseAndResumeAQueueAcrossTheCluster() {
		try {
			assertThat(post("/jobs/queues/mail", "pause").getBody()).containsEntry("done", true);
			assertThat(this.jobs.queues()).anySatisfy((queue) -> {
				assertThat(queue.name()).isEqualTo("mail");
				assertThat(queue.paused()).isTrue();
			});
			await().until(() -> this.worker.pausedQueues().contains("mail"));
			JobId id = this.jobs.enqueue(JobRequest.of("send-email", new Customer("Edsger", "edsger@example.com")));
			await().during(Duration.ofMillis(800))
				.atMost(Duration.ofSeconds(5))
				.until(() -> this.jobs.get(id).orElseThrow().status() == JobStatus.PENDING);
			assertThat(post("/jobs/queues/mail", "resume").getBody()).containsEntry("done", true);
			await().until(() -> this.jobs.get(id).orElseThrow().status() == JobStatus.COMPLETED);
		}
		finally {
			this.jobs.resumeQueue("mail");
		}
	}

	private boolean recurringPaused(String name) {
		return this.jobs.recurringJobs()
			.stream()
			.filter((info) -> info.name().equals(name))
			.findFirst()
			.orElseThrow()
			.paused();
	}

	private ResponseEntity<Map<String, Object>> get(String path) {
		return this.client.get().uri(path).retrieve().onStatus((status) -> true, (request, response) -> {
		}).toEntity(JSON);
	}

	private ResponseEntity<Map<String, Object>> post(String path, String action) {
		return this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("action", action))
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(JSON);
	}

}
