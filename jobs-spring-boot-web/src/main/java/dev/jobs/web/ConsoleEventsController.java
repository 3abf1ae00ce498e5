package dev.jobs.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.jobs.Job;
import dev.jobs.JobId;
import dev.jobs.JobNotFoundException;
import dev.jobs.Jobs;

/**
 * The console's {@code GET /jobs/{id}/events}: server-sent events of one job while it
 * lives.
 */
@RestController
class ConsoleEventsController implements ConsoleController {

	private final Jobs jobs;

	private final JobEventStreams streams;

	ConsoleEventsController(Jobs jobs, JobEventStreams streams) {
		this.jobs = jobs;
		this.streams = streams;
	}

	@GetMapping(path = "/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable String id, HttpServletRequest request) {
		JobId jobId = RequestValues.jobId(id);
		Job job = this.jobs.get(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
		return this.streams.open(job.id(), Caller.of(request).showValues());
	}

}
