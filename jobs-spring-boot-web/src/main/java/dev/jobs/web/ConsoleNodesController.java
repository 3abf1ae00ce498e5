package dev.jobs.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.jobs.JobsOperations;
import dev.jobs.web.ConsoleBodies.Node;
import dev.jobs.web.ConsoleBodies.Nodes;
import dev.jobs.web.ConsoleBodies.Runner;

/**
 * The console's routes for the nodes of the cluster and their workers:
 * {@code GET /nodes}, {@code POST /runner/start} and {@code POST /runner/stop}, of every
 * node or, with {@code ?node=}, of one (404 when no node has that name).
 */
@RestController
class ConsoleNodesController implements ConsoleController {

	private final JobsOperations operations;

	private final ConsoleAudit audit;

	ConsoleNodesController(JobsOperations operations, ConsoleAudit audit) {
		this.operations = operations;
		this.audit = audit;
	}

	@GetMapping("/nodes")
	Nodes nodes() {
		return new Nodes(this.operations.nodes().stream().map(Node::of).toList());
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
