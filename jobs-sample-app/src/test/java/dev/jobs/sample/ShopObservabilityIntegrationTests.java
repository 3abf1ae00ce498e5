package dev.jobs.sample;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scrapes the shop's Prometheus endpoint and reads its health over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "shop.mail.failures-before-success=1")
class ShopObservabilityIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private Jobs jobs;

	private RestClient client;

	@BeforeEach
	void createClient() {
		this.client = RestClient.create("http://localhost:" + this.port + "/actuator");
	}

	@Test
	void prometheusScrapeHasTheJobSeries() {
		JobId id = this.jobs.enqueue(JobRequest.of("send-email", new Customer("Ada", "ada@example.com")));
		await().until(() -> this.jobs.get(id).orElseThrow().status() == JobStatus.COMPLETED);
		await().untilAsserted(() -> {
			String scrape = this.client.get().uri("/prometheus").retrieve().body(String.class);
			assertThat(scrape).contains("jobs_enqueued_total{job=\"send-email\",queue=\"mail\"}")
				.contains("jobs_execution_seconds_count{job=\"send-email\",outcome=\"retried\",queue=\"mail\"}")
				.contains("jobs_execution_seconds_count{job=\"send-email\",outcome=\"completed\",queue=\"mail\"}")
				.contains("jobs_wait_seconds_count{job=\"send-email\",queue=\"mail\"}")
				.contains("jobs_queue_size{queue=\"mail\",status=\"completed\"}")
				.contains("jobs_workers_capacity 4.0")
				.contains("jobs_workers_active ");
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthHasTheJobsComponent() {
		Map<String, Object> health = this.client.get()
			.uri("/health")
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		Map<String, Object> jobs = (Map<String, Object>) ((Map<String, Object>) health.get("components")).get("jobs");
		assertThat(jobs).containsEntry("status", "UP");
		assertThat((Map<String, Object>) jobs.get("details")).containsKeys("capacity", "activeJobs", "stuckThreads",
				"lastPoll", "pending", "failureRate");
	}

}
