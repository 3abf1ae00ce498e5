package dev.jobs.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.JobsNode;
import dev.jobs.JobsOperations;
import dev.jobs.JobsProblem;
import dev.jobs.JobsThroughput;
import dev.jobs.store.NodeInfo;
import dev.jobs.store.NodeRegistry;
import dev.jobs.store.QueueStore;

/**
 * The {@link JobsOperations} bean, over the node registry; this node's worker is told of
 * a change at once.
 */
public class DefaultJobsOperations implements JobsOperations {

	private final NodeRegistry nodes;

	private static final Duration MAX_THROUGHPUT_WINDOW = Duration.ofDays(1);

	private final QueueStore queues;

	private final Supplier<WorkerSignals> worker;

	private final List<ProblemSource> problemSources;

	/**
	 * Create the bean.
	 * @param nodes the node registry
	 * @param queues the cluster-wide state of queues, which reads the throughput
	 * @param worker this node's worker, or {@link WorkerSignals#NONE}
	 * @param problemSources the checks behind {@link #problems()}
	 */
	public DefaultJobsOperations(NodeRegistry nodes, QueueStore queues, Supplier<WorkerSignals> worker,
			List<ProblemSource> problemSources) {
		this.nodes = nodes;
		this.queues = queues;
		this.worker = worker;
		this.problemSources = List.copyOf(problemSources);
	}

	@Override
	public List<JobsNode> nodes() {
		return this.nodes.nodes().stream().map(DefaultJobsOperations::node).toList();
	}

	private static JobsNode node(NodeInfo node) {
		return new JobsNode(node.name(), node.startedAt(), node.heartbeatAt(), node.silentFor(), node.concurrency(),
				node.runningJobs(), node.workerWanted());
	}

	@Override
	public boolean startWorkers(@Nullable String node) {
		return request(node, true);
	}

	@Override
	public boolean stopWorkers(@Nullable String node) {
		return request(node, false);
	}

	private boolean request(@Nullable String node, boolean run) {
		boolean found = this.nodes.requestWorkers(node, run);
		this.worker.get().controlsChanged();
		return found;
	}

	@Override
	public List<JobsThroughput> throughput(Duration window) {
		if (window == null || window.isNegative() || window.isZero() || window.compareTo(MAX_THROUGHPUT_WINDOW) > 0) {
			throw new InvalidJobRequestException(
					"The throughput window must be positive and at most " + MAX_THROUGHPUT_WINDOW + ", was " + window);
		}
		return this.queues.throughput(window);
	}

	@Override
	public List<JobsProblem> problems() {
		List<JobsProblem> problems = new ArrayList<>();
		this.problemSources.forEach((source) -> problems.addAll(source.problems()));
		return problems;
	}

}
