package dev.jobs.sample;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.Jobs;

/**
 * Takes orders and processes each one in the background, once while it is unfinished.
 */
@RestController
public class OrderController {

	private final Jobs jobs;

	OrderController(Jobs jobs) {
		this.jobs = jobs;
	}

	@PostMapping("/orders")
	ResponseEntity<EnqueuedJob> place(@RequestBody Order order) {
		// Posting an order again while its job is unfinished returns that job's id
		JobId id = this.jobs
			.enqueue(JobRequest.of(OrderProcessor.JOB_NAME, order).uniqueKey("order-" + order.orderId()));
		return ResponseEntity.accepted().location(URI.create("/jobs/" + id)).body(EnqueuedJob.of(id));
	}

}
