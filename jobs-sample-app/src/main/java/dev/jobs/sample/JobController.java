package dev.jobs.sample;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.JobId;
import dev.jobs.Jobs;

/**
 * Shows the shop's jobs and their attempts.
 */
@RestController
public class JobController {

	private final Jobs jobs;

	JobController(Jobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/jobs/{id}")
	ResponseEntity<JobView> job(@PathVariable String id) {
		return ResponseEntity.of(this.jobs.get(JobId.of(id)).map(JobView::of));
	}

	@GetMapping("/jobs/{id}/history")
	ResponseEntity<List<ExecutionView>> history(@PathVariable String id) {
		JobId jobId = JobId.of(id);
		if (this.jobs.get(jobId).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok(this.jobs.history(jobId).stream().map(ExecutionView::of).toList());
	}

	@ExceptionHandler
	ProblemDetail invalidJobId(InvalidJobRequestException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

}
