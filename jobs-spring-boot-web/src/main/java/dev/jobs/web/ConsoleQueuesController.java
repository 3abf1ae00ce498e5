package dev.jobs.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.jobs.Jobs;
import dev.jobs.web.ConsoleBodies.Cleaned;
import dev.jobs.web.ConsoleBodies.Drained;
import dev.jobs.web.ConsoleBodies.Queue;
import dev.jobs.web.ConsoleBodies.QueueState;
import dev.jobs.web.ConsoleBodies.Queues;

/**
 * The console's routes for queues, cluster-wide: list, one queue, pause, resume, drain
 * and clean. A queue name that {@code Jobs} would refuse is a 400 naming {@code name};
 * pausing a queue that has had no job yet is allowed, as queues exist on demand.
 */
@RestController
@RequestMapping("/queues")
class ConsoleQueuesController implements ConsoleController {

	private final Jobs jobs;

	private final ConsoleAudit audit;

	ConsoleQueuesController(Jobs jobs, ConsoleAudit audit) {
		this.jobs = jobs;
		this.audit = audit;
	}

	@GetMapping
	Queues list() {
		return new Queues(this.jobs.queues().stream().map(Queue::of).toList());
	}

	@GetMapping("/{name}")
	Queue queue(@PathVariable String name) {
		String queue = RequestValues.queueName("name", name);
		return this.jobs.queues()
			.stream()
			.filter((info) -> info.name().equals(queue))
			.findFirst()
			.map(Queue::of)
			.orElseThrow(() -> new ConsoleRequestException(HttpStatus.NOT_FOUND, null,
					"No queue named '" + queue + "': it holds no job, is not paused and is not configured"));
	}

	@PostMapping("/{name}/pause")
	QueueState pause(@PathVariable String name, HttpServletRequest request) {
		return this.audit.audited("pause", "queue " + name, Caller.of(request), () -> {
			String queue = RequestValues.queueName("name", name);
			return new QueueState(queue, true, this.jobs.pauseQueue(queue));
		});
	}

	@PostMapping("/{name}/resume")
	QueueState resume(@PathVariable String name, HttpServletRequest request) {
		return this.audit.audited("resume", "queue " + name, Caller.of(request), () -> {
			String queue = RequestValues.queueName("name", name);
			return new QueueState(queue, false, this.jobs.resumeQueue(queue));
		});
	}

	@PostMapping("/{name}/drain")
	Drained drain(@PathVariable String name, HttpServletRequest request) {
		return this.audit.audited("drain", "queue " + name, Caller.of(request),
				() -> new Drained(this.jobs.drainQueue(RequestValues.queueName("name", name))));
	}

	@PostMapping("/{name}/clean")
	Cleaned clean(@PathVariable String name, @RequestBody(required = false) @Nullable CleanBody body,
			HttpServletRequest request) {
		CleanBody clean = (body != null) ? body : CleanBody.DEFAULTS;
		return this.audit.audited("clean", "queue " + name, Caller.of(request), () -> {
			String queue = RequestValues.queueName("name", name);
			return new Cleaned(
					this.jobs.cleanQueue(queue, clean.statusValue(), clean.graceValue(), clean.limitValue()));
		});
	}

}
