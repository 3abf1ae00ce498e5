package dev.jobs.sample;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import dev.jobs.JobExecution.Outcome;
import dev.jobs.JobStatus;
import dev.jobs.JobQuery;
import dev.jobs.JobWorker;
import dev.jobs.Jobs;
import dev.jobs.RecurringJobInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.awaitility.Awaitility.await;

/**
 * Drives the shop's REST API over HTTP on an embedded H2 database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "shop.mail.failures-before-success=1",
		"shop.orders.processing-time=400ms", "shop.cleanup.interval=1s" })
class ShopApplicationIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Set<JobStatus> FINISHED = EnumSet.of(JobStatus.COMPLETED, JobStatus.FAILED,
			JobStatus.CANCELLED);

	@LocalServerPort
	private int port;

	@Autowired
	private JobWorker worker;

	@Autowired
	private Jobs jobs;

	private RestClient client;

	@BeforeEach
	void createClient() {
		this.client = RestClient.create("http://localhost:" + this.port);
	}

	@Test
	void recurringCleanupRunsOnItsScheduleAndTheNightlyReportIsScheduled() {
		await().atMost(TIMEOUT)
			.until(() -> this.jobs
				.count(JobQuery.builder().name("cart-cleanup").status(JobStatus.COMPLETED).build()) >= 2);
		assertThat(this.jobs.recurringJobs()).extracting(RecurringJobInfo::name)
			.contains("cart-cleanup", "nightly-report");
		RecurringJobInfo report = this.jobs.recurringJobs()
			.stream()
			.filter((info) -> info.name().equals("nightly-report"))
			.findFirst()
			.orElseThrow();
		assertThat(report.zone().getId()).isEqualTo("Europe/Paris");
		assertThat(report.nextRunAt().atZone(report.zone()).toLocalTime()).hasToString("02:30");
	}

	@Test
	void postingACustomerSendsAWelcomeEmailAfterARetry() {
		ResponseEntity<EnqueuedJob> response = post("/customers", new Customer("Ada", "ada@example.com"));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		String jobId = response.getBody().jobId();
		assertThat(response.getHeaders().getLocation()).hasPath("/jobs/" + jobId);
		JobView job = awaitCompletion(jobId);
		assertThat(job.name()).isEqualTo("send-email");
		assertThat(job.queue()).isEqualTo("mail");
		assertThat(job.attempts()).isEqualTo(2);
		assertThat(job.maxAttempts()).isEqualTo(5);
		assertThat(job.result()).isEqualTo(Map.of("to", "ada@example.com", "attempt", 2));
		List<ExecutionView> history = history(jobId);
		assertThat(history).extracting(ExecutionView::attempt).containsExactly(1, 2);
		assertThat(history).extracting(ExecutionView::outcome).containsExactly(Outcome.FAILED, Outcome.COMPLETED);
		assertThat(history.get(0).error()).contains("Mail server busy, attempt 1 of 5");
		assertThat(history.get(1).error()).isNull();
	}

	@Test
	void postingAnUnfinishedOrderAgainReturnsTheSameJob() {
		Order order = new Order("A-1001", new BigDecimal("42.50"));
		// With the worker stopped the first job stays unfinished for sure
		this.worker.stop();
		String first;
		String second;
		try {
			first = post("/orders", order).getBody().jobId();
			second = post("/orders", order).getBody().jobId();
			assertThat(getJob(first).status()).isEqualTo(JobStatus.PENDING);
		}
		finally {
			this.worker.start();
		}
		assertThat(second).isEqualTo(first);
		JobView job = awaitCompletion(first);
		assertThat(job.uniqueKey()).isEqualTo("order-A-1001");
		assertThat(job.progress()).isEqualTo(100);
		assertThat(job.result()).asInstanceOf(MAP)
			.containsEntry("orderId", "A-1001")
			.containsEntry("status", "PAID")
			.containsKey("amount");
		assertThat(history(first)).singleElement()
			.satisfies((execution) -> assertThat(execution.outcome()).isEqualTo(Outcome.COMPLETED));
	}

	@Test
	void postingAnOrderAgainAfterItCompletedStartsANewJob() {
		Order order = new Order("A-1002", new BigDecimal("10"));
		String first = post("/orders", order).getBody().jobId();
		awaitCompletion(first);
		String second = post("/orders", order).getBody().jobId();
		assertThat(second).isNotEqualTo(first);
		awaitCompletion(second);
	}

	@Test
	void gettingAnUnknownJobIsNotFound() {
		String id = "01900000-0000-7000-8000-000000000000";
		assertThat(statusOf("/jobs/" + id)).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(statusOf("/jobs/" + id + "/history")).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void gettingAJobWithAMalformedIdIsABadRequest() {
		assertThat(statusOf("/jobs/not-a-uuid")).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void postingAnOrderWithoutAnIdIsABadRequest() {
		ResponseEntity<Void> response = this.client.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"amount\": 5}")
			.retrieve()
			.onStatus((status) -> true, (request, errorResponse) -> {
			})
			.toBodilessEntity();
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private ResponseEntity<EnqueuedJob> post(String path, Object body) {
		return this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(EnqueuedJob.class);
	}

	private JobView getJob(String id) {
		return this.client.get().uri("/jobs/{id}", id).retrieve().body(JobView.class);
	}

	private HttpStatusCode statusOf(String path) {
		return this.client.get().uri(path).retrieve().onStatus((status) -> true, (request, response) -> {
		}).toBodilessEntity().getStatusCode();
	}

	private List<ExecutionView> history(String id) {
		return this.client.get()
			.uri("/jobs/{id}/history", id)
			.retrieve()
			.body(new ParameterizedTypeReference<List<ExecutionView>>() {
			});
	}

	private JobView awaitCompletion(String id) {
		JobView job = await().atMost(TIMEOUT)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> getJob(id), (candidate) -> FINISHED.contains(candidate.status()));
		assertThat(job.status()).as("status of %s", job).isEqualTo(JobStatus.COMPLETED);
		return job;
	}

}
