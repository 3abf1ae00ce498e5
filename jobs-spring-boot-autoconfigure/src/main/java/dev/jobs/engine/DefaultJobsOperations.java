package dev.jobs.engine;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobsNode;
import dev.jobs.JobsOperations;
import dev.jobs.store.NodeInfo;
import dev.jobs.store.NodeRegistry;

/**
 * The {@link JobsOperations} bean, over the node registry; this node's worker is told of
 * a change at once.
 */
public class DefaultJobsOperations implements JobsOperations {

	private final NodeRegistry nodes;

	private final Supplier<WorkerSignals> worker;

	/**
	 * Create the bean.
	 * @param nodes the node registry
	 * @param worker this node's worker, or {@link WorkerSignals#NONE}
	 */
	public DefaultJobsOperations(NodeRegistry nodes, Supplier<WorkerSignals> worker) {
		this.nodes = nodes;
		this.worker = worker;
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

}
