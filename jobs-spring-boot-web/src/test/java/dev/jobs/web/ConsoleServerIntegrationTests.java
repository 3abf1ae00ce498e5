package dev.jobs.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.jobs.web.app.ConsoleTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console on a real server under a servlet context path, reached with the JDK's HTTP
 * client: an enqueue and the server-sent events of that job as it logs, progresses and
 * completes.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { ConsoleTestProperties.NO_SECURITY, ConsoleTestProperties.H2, ConsoleTestProperties.ENABLED,
				ConsoleTestProperties.FAST_POLL, "jobs.web.access=unrestricted", "jobs.web.show-values=always",
				"server.servlet.context-path=/shop" })
class ConsoleServerIntegrationTests {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Test
	void eventStreamSendsStatusProgressAndLogLinesUntilTheJobCompletes() throws Exception {
		HttpResponse<String> enqueued = this.client
			.send(request("/shop/jobs/api/jobs").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"steps\",\"payload\":{\"steps\":3}}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(enqueued.statusCode()).isEqualTo(201);
		String location = enqueued.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith("http://localhost:" + this.port + "/shop/jobs/api/jobs/");
		HttpResponse<java.util.stream.Stream<String>> events = this.client
			.send(HttpRequest.newBuilder(URI.create(location + "/events"))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "text/event-stream")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(events.statusCode()).isEqualTo(200);
		assertThat(events.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
		List<String> lines = events.body().toList();
		assertThat(lines).contains("event:status", "event:progress", "event:log");
		assertThat(lines).anyMatch((line) -> line.startsWith("data:") && line.contains("\"message\":\"step 1 of 3\""))
			.anyMatch((line) -> line.startsWith("data:") && line.contains("\"message\":\"step 3 of 3\""))
			.anyMatch((line) -> line.startsWith("data:") && line.contains("\"progress\":100"));
		String last = lines.stream().filter((line) -> line.startsWith("data:")).reduce((a, b) -> b).orElseThrow();
		assertThat(last).contains("\"status\":\"COMPLETED\"");
	}

	@Test
	void eventStreamOfAnUnknownJobIsAProblem() throws Exception {
		HttpResponse<String> response = this.client
			.send(request("/shop/jobs/api/jobs/" + dev.jobs.JobId.next() + "/events")
				.header("Accept", "text/event-stream")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":404");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
	}

}
