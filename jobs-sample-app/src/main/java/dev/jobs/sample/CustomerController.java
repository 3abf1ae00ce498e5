package dev.jobs.sample;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.jobs.JobId;
import dev.jobs.Jobs;

/**
 * Signs up customers and sends their welcome email in the background.
 */
@RestController
public class CustomerController {

	private final Jobs jobs;

	CustomerController(Jobs jobs) {
		this.jobs = jobs;
	}

	@PostMapping("/customers")
	ResponseEntity<EnqueuedJob> signUp(@RequestBody Customer customer) {
		JobId id = this.jobs.enqueue(WelcomeMailer.JOB_NAME, customer);
		return ResponseEntity.accepted().location(URI.create("/jobs/" + id)).body(EnqueuedJob.of(id));
	}

}
