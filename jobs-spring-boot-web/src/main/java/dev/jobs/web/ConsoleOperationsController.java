package dev.jobs.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.jobs.JobsOperations;
import dev.jobs.web.ConsoleBodies.Minute;
import dev.jobs.web.ConsoleBodies.Node;
import dev.jobs.web.ConsoleBodies.Nodes;
import dev.jobs.web.ConsoleBodies.Problems;
import dev.jobs.web.ConsoleBodies.Runner;
import dev.jobs.web.ConsoleBodies.Throughput;

/**
 * The console's routes backed by {@link JobsOperations}: the nodes of the cluster and
 * their workers ({@code GET /nodes}, {@code POST /runner/start} and
 * {@code POST /runner/stop}, of every node or, with {@code ?node=}, of one, 404 when no
 * node has that name), the throughput per minute ({@code GET /throughput?window=1h}, at
 * most a day) and the problems that need attention ({@code GET /problems}).
 */
@RestController
class ConsoleOperationsController implements ConsoleController {

	static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

	static final Duration MAX_WINDOW = Duration.ofHours(24);

	private final JobsOperations operations;

	private final ConsoleAudit audit;

	ConsoleOperationsController(JobsOperations operations, ConsoleAudit audit) {
		this.operations = operations;
		this.audit = audit;
	}

	@GetMapping("/nodes")
	Nodes nodes() {
		return new Nodes(this.operations.nodes().stream().map(Node::of).toList());
	}

	@GetMapping("/throughput")
	Throughput throughput(@RequestParam(required = false) @Nullable String window) {
		Duration span = RequestValues.duration("window", window);
		if (span == null) {
			span = DEFAULT_WINDOW;
		}
		if (span.isNegative() || span.isZero() || span.compareTo(MAX_WINDOW) > 0) {
			throw ConsoleRequestException.badRequest("window",
					"Invalid window '" + window + "': must be positive and at most 24h");
		}
		return new Throughput(span, this.operations.throughput(span).stream().map(Minute::of).toList());
	}

	@GetMapping("/problems")
	Problems problems() {
		return new Problems(this.operations.problems().stream().map(ConsoleBodies.Attention::of).toList());
	}

	@PostMapping("/runner/start")
	Runner start(@RequestParam(required = false) @Nullable String node, HttpServletRequest request) {
		return runner("start", node, true, request);
	}

	@PostMapping("/runner/stop")
	Runner stop(@RequestParam(required = false) @Nullable String node, HttpServletRequest request) {
		return runner("stop", node, false, request);
	}

	private Runner runner(String operation, @Nullable String node, boolean running, HttpServletRequest request) {
		String target = (node != null) ? "workers of node " + node : "workers of every node";
		return this.audit.audited(operation, target, Caller.of(request), () -> {
			if (node != null && node.isBlank()) {
				throw ConsoleRequestException.badRequest("node",
						"Parameter 'node' must name a node; leave it out for every node");
			}
			boolean found = running ? this.operations.startWorkers(node) : this.operations.stopWorkers(node);
			if (!found) {
				throw new ConsoleRequestException(HttpStatus.NOT_FOUND, null, "No node named '" + node + "'");
			}
			return new Runner(node, running);
		});
	}

}
