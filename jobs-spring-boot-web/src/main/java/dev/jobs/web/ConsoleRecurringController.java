package dev.jobs.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.jobs.InvalidJobStateException;
import dev.jobs.Jobs;
import dev.jobs.RecurringJobInfo;
import dev.jobs.RecurringJobNotFoundException;
import dev.jobs.RecurringJobRequest;
import dev.jobs.web.ConsoleBodies.Recurring;
import dev.jobs.web.ConsoleBodies.RecurringJobs;
import dev.jobs.web.ConsoleBodies.Triggered;

/**
 * The console's routes for recurring jobs: list, schedule, replace, unschedule, pause,
 * resume and trigger.
 */
@RestController
@RequestMapping("/recurring")
class ConsoleRecurringController implements ConsoleController {

	private final Jobs jobs;

	private final JobViews views;

	private final ConsoleAudit audit;

	ConsoleRecurringController(Jobs jobs, JobViews views, ConsoleAudit audit) {
		this.jobs = jobs;
		this.views = views;
		this.audit = audit;
	}

	@GetMapping
	RecurringJobs list() {
		return new RecurringJobs(this.jobs.recurringJobs().stream().map(this.views::recurring).toList());
	}

	@PostMapping
	ResponseEntity<Recurring> schedule(@RequestBody RecurringBody body, HttpServletRequest request) {
		RecurringJobRequest recurring = body.toRequest(null);
		RecurringJobInfo info = this.audit.audited("schedule", "recurring " + recurring.name(), Caller.of(request),
				() -> {
					if (exists(recurring.name())) {
						throw new InvalidJobStateException("Recurring job '" + recurring.name()
								+ "' exists already: replace it with PUT /recurring/" + recurring.name());
					}
					return this.jobs.schedule(recurring);
				});
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{name}")
			.buildAndExpand(info.name())
			.toUri();
		return ResponseEntity.created(location).body(this.views.recurring(info));
	}

	@PutMapping("/{name}")
	ResponseEntity<Recurring> replace(@PathVariable String name, @RequestBody RecurringBody body,
			HttpServletRequest request) {
		RecurringJobRequest recurring = body.toRequest(name);
		boolean existed = exists(name);
		RecurringJobInfo info = this.audit.audited("replace", "recurring " + name, Caller.of(request),
				() -> this.jobs.schedule(recurring));
		return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).body(this.views.recurring(info));
	}

	@DeleteMapping("/{name}")
	ResponseEntity<Void> unschedule(@PathVariable String name, HttpServletRequest request) {
		this.audit.audited("unschedule", "recurring " + name, Caller.of(request),
				() -> found(name, this.jobs.unschedule(name)));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{name}/pause")
	Recurring pause(@PathVariable String name, HttpServletRequest request) {
		this.audit.audited("pause", "recurring " + name, Caller.of(request),
				() -> found(name, this.jobs.pauseRecurring(name)));
		return current(name);
	}

	@PostMapping("/{name}/resume")
	Recurring resume(@PathVariable String name, HttpServletRequest request) {
		this.audit.audited("resume", "recurring " + name, Caller.of(request),
				() -> found(name, this.jobs.resumeRecurring(name)));
		return current(name);
	}

	@PostMapping("/{name}/trigger")
	Triggered trigger(@PathVariable String name, HttpServletRequest request) {
		return new Triggered(this.audit
			.audited("trigger", "recurring " + name, Caller.of(request), () -> this.jobs.triggerRecurring(name))
			.toString());
	}

	private boolean exists(String name) {
		return this.jobs.recurringJobs().stream().anyMatch((info) -> info.name().equals(name));
	}

	private Recurring current(String name) {
		return this.jobs.recurringJobs()
			.stream()
			.filter((info) -> info.name().equals(name))
			.findFirst()
			.map(this.views::recurring)
			.orElseThrow(() -> new RecurringJobNotFoundException(name));
	}

	private static boolean found(String name, boolean done) {
		if (!done) {
			throw new RecurringJobNotFoundException(name);
		}
		return true;
	}

}
