package dev.jobs.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.web.app.ConsoleTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every route of the console's API once more, on a real server on a random port reached
 * with the JDK's HTTP client rather than through MockMvc: what the servlet container, the
 * message converters and the error handling make of each call on the wire. The routes'
 * details are {@link ConsoleApiContractTests}'. Each subclass runs it on one database.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { ConsoleTestProperties.NO_SECURITY, ConsoleTestProperties.ENABLED,
				ConsoleTestProperties.FAST_POLL, "jobs.web.access=unrestricted", "jobs.web.show-values=always" })
abstract class ConsoleServerContractTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private Jobs jobs;

	@Test
	void jobRoutes() throws Exception {
		Answer created = post("/jobs",
				"{\"name\":\"greet\",\"payload\":{\"name\":\"Ada\"},\"delay\":\"1h\",\"queue\":\"wire\"}");
		assertThat(created.status()).isEqualTo(201);
		String id = created.read("$.id");
		assertThat(created.location()).isEqualTo(base() + "/jobs/" + id);
		assertThat(created.<String>read("$.status")).isEqualTo("SCHEDULED");
		Answer job = get("/jobs/" + id);
		assertThat(job.status()).isEqualTo(200);
		assertThat(job.<String>read("$.payload.name")).isEqualTo("Ada");
		Answer changed = put("/jobs/" + id, "{\"priority\":\"high\",\"delay\":\"2h\"}");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.<String>read("$.priority")).isEqualTo("HIGH");
		Answer page = get("/jobs?queue=wire&status=scheduled&status=pending&priority=high&search=gree&limit=10");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.<Integer>read("$.total")).isOne();
		assertThat(page.<Boolean>read("$.totalExact")).isTrue();
		assertThat(page.<List<String>>read("$.jobs[*].id")).containsExactly(id);
		assertThat(page.<List<Object>>read("$.jobs[?(@.payload)]")).isEmpty();
		assertThat(get("/jobs/" + id + "/history").<List<Object>>read("$.executions")).isEmpty();
		assertThat(get("/jobs/" + id + "/logs").<List<Object>>read("$.lines")).isEmpty();
		Answer cancelled = delete("/jobs/" + id);
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.<Boolean>read("$.cancelled")).isTrue();
		assertProblem(delete("/jobs/" + id), 409);
		Answer retried = post("/jobs/" + id + "/retry", "");
		assertThat(retried.status()).isEqualTo(200);
		await().atMost(WAIT).until(() -> "COMPLETED".equals(get("/jobs/" + id).read("$.status")));
		assertThat(get("/jobs/" + id + "/history").<List<String>>read("$.executions[*].outcome"))
			.containsExactly("COMPLETED");
		Answer purged = delete("/jobs/" + id + "?purge=true");
		assertThat(purged.status()).isEqualTo(200);
		assertThat(purged.<Boolean>read("$.deleted")).isTrue();
		assertProblem(get("/jobs/" + id), 404);
	}

	@Test
	void retryOfEveryFailedJobOfAFilter() throws Exception {
		JobId failing = this.jobs.enqueue(JobRequest.of("fail", Map.of()).queue("wire-failing"));
		await().atMost(WAIT).until(() -> this.jobs.get(failing).orElseThrow().status() == JobStatus.FAILED);
		Answer retried = post("/jobs/retry", "{\"queue\":\"wire-failing\"}");
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.<Integer>read("$.retried")).isOne();
	}

	@Test
	void queueRoutes() throws Exception {
		this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "Bo")).queue("wire-q").delay(Duration.ofHours(1)));
		Answer paused = post("/queues/wire-q/pause", "");
		assertThat(paused.status()).isEqualTo(200);
		assertThat(paused.<Boolean>read("$.paused")).isTrue();
		assertThat(paused.<Boolean>read("$.changed")).isTrue();
		Answer queue = get("/queues/wire-q");
		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.<Boolean>read("$.paused")).isTrue();
		assertThat(queue.<Integer>read("$.counts.SCHEDULED")).isOne();
		assertThat(get("/queues").<List<String>>read("$.queues[*].name")).contains("wire-q");
		assertThat(post("/queues/wire-q/resume", "").<Boolean>read("$.paused")).isFalse();
		assertThat(post("/queues/wire-q/drain", "").<Integer>read("$.cancelled")).isOne();
		Answer cleaned = post("/queues/wire-q/clean", "{\"status\":\"cancelled\",\"grace\":\"0s\",\"limit\":10}");
		assertThat(cleaned.status()).isEqualTo(200);
		assertThat(cleaned.<Integer>read("$.deleted")).isOne();
		assertProblem(get("/queues/wire-never-seen"), 404);
		assertProblem(post("/queues/wire-q/clean", "{\"status\":\"running\"}"), 400);
	}

	@Test
	void overviewNodesRunnerAndProblemRoutes() throws Exception {
		this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "Cy")).queue("wire-o").delay(Duration.ofHours(1)));
		Answer stats = get("/stats");
		assertThat(stats.status()).isEqualTo(200);
		assertThat(stats.<Integer>read("$.queues.wire-o.SCHEDULED")).isOne();
		Answer nodes = get("/nodes");
		assertThat(nodes.<List<Object>>read("$.nodes")).hasSize(1);
		String node = nodes.read("$.nodes[0].name");
		Answer stopped = post("/runner/stop?node=" + node, "");
		assertThat(stopped.status()).isEqualTo(200);
		assertThat(stopped.<Boolean>read("$.running")).isFalse();
		assertThat(post("/runner/start", "").<Boolean>read("$.running")).isTrue();
		assertThat(get("/throughput?window=1h").status()).isEqualTo(200);
		assertThat(get("/problems").<List<Object>>read("$.problems")).isNotNull();
		assertThat(get("/health").<String>read("$.status")).isNotBlank();
		assertThat(get("/me").<Boolean>read("$.canWrite")).isTrue();
		assertProblem(get("/throughput?window=forever"), 400);
	}

	@Test
	void recurringRoutes() throws Exception {
		Answer created = post("/recurring", "{\"name\":\"wire-tick\",\"handler\":\"greet\",\"schedule\":\"1h\","
				+ "\"payload\":{\"name\":\"Di\"}}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.location()).isEqualTo(base() + "/recurring/wire-tick");
		assertThat(get("/recurring").<List<String>>read("$.recurringJobs[*].name")).contains("wire-tick");
		assertThat(post("/recurring/wire-tick/pause", "").<Boolean>read("$.paused")).isTrue();
		assertThat(post("/recurring/wire-tick/resume", "").<Boolean>read("$.paused")).isFalse();
		Answer triggered = post("/recurring/wire-tick/trigger", "");
		assertThat(triggered.status()).isEqualTo(200);
		assertThat(triggered.<String>read("$.jobId")).isNotBlank();
		assertThat(
				put("/recurring/wire-tick", "{\"handler\":\"greet\",\"schedule\":\"2h\"}").<String>read("$.schedule"))
			.isEqualTo("2h");
		assertThat(delete("/recurring/wire-tick").status()).isEqualTo(204);
		assertProblem(post("/recurring/wire-tick/pause", ""), 404);
	}

	@Test
	void badInputIsAProblemThatNamesTheField() throws Exception {
		Answer limit = get("/jobs?limit=0");
		assertProblem(limit, 400);
		assertThat(limit.<String>read("$.field")).isEqualTo("limit");
		Answer body = post("/jobs", "{\"payload\":{}}");
		assertProblem(body, 400);
		assertThat(body.<String>read("$.field")).isEqualTo("name");
		assertProblem(post("/jobs", "{not json"), 400);
		assertProblem(get("/jobs/" + JobId.next()), 404);
		assertThat(get("/jobs/nope").<String>read("$.field")).isEqualTo("id");
	}

	private void assertProblem(Answer answer, int status) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.<Integer>read("$.status")).isEqualTo(status);
	}

	private String base() {
		return "http://localhost:" + this.port + "/jobs/api";
	}

	private Answer get(String path) throws Exception {
		return send(request(path).GET());
	}

	private Answer post(String path, String json) throws Exception {
		return send(request(path).header("Content-Type", "application/json").POST(body(json)));
	}

	private Answer put(String path, String json) throws Exception {
		return send(request(path).header("Content-Type", "application/json").PUT(body(json)));
	}

	private Answer delete(String path) throws Exception {
		return send(request(path).DELETE());
	}

	private static BodyPublisher body(String json) {
		return json.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(json);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base() + path)).timeout(WAIT);
	}

	private Answer send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.headers().firstValue("Location").orElse(null), response.body());
	}

	record Answer(int status, String contentType, String location, String body) {

		<T> T read(String path) {
			return JsonPath.read(this.body, path);
		}

	}

}
