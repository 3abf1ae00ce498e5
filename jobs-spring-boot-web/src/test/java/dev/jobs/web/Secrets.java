package dev.jobs.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.jobs.JobId;
import dev.jobs.JobQuery;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Jobs whose payload, result, error, log line and unique key hold secrets, and the
 * console's read routes that could show them.
 */
final class Secrets {

	static final String[] VALUES = { "payload-secret", "log-secret", "error-secret", "key-secret" };

	private Secrets() {
	}

	static String[] create(Jobs jobs) {
		JobId completed = jobs.enqueue(JobRequest.of("greet", Map.of("name", "log-secret")).uniqueKey("key-secret"));
		JobId failed = jobs.enqueue("fail", Map.of("secret", "error-secret", "also", "payload-secret"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(jobs.get(completed).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
			assertThat(jobs.get(failed).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
		});
		return VALUES;
	}

	static List<String> paths(Jobs jobs) {
		List<String> paths = new java.util.ArrayList<>(List.of("/jobs", "/stats", "/recurring", "/queues", "/nodes"));
		for (var job : jobs.query(JobQuery.builder().limit(200).build())) {
			paths.add("/jobs/" + job.id());
			paths.add("/jobs/" + job.id() + "/history");
			paths.add("/jobs/" + job.id() + "/logs");
		}
		return paths;
	}

}
