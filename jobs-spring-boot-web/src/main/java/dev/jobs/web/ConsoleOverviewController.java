package dev.jobs.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.jobs.JobStats;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.web.ConsoleBodies.Me;
import dev.jobs.web.ConsoleBodies.Stats;
import dev.jobs.web.JobsWebProperties.Access;

/**
 * The console's overview routes: {@code GET /stats} and {@code GET /me}.
 */
@RestController
class ConsoleOverviewController implements ConsoleController {

	private final Jobs jobs;

	private final ConsoleAccess access;

	private final JobsWebProperties properties;

	ConsoleOverviewController(Jobs jobs, ConsoleAccess access, JobsWebProperties properties) {
		this.jobs = jobs;
		this.access = access;
		this.properties = properties;
	}

	@GetMapping("/stats")
	Stats stats() {
		JobStats stats = this.jobs.stats();
		Map<String, Map<JobStatus, Long>> queues = new LinkedHashMap<>();
		stats.queues().forEach((queue) -> queues.put(queue, stats.queue(queue).counts()));
		return new Stats(stats.counts(), stats.total(), queues);
	}

	@GetMapping("/me")
	Me me(HttpServletRequest request) {
		Caller caller = Caller.of(request);
		boolean canWrite = this.properties.getAccess() == Access.UNRESTRICTED && caller.mayWrite();
		return new Me(caller.name(), canWrite, this.access.csrf(request));
	}

}
