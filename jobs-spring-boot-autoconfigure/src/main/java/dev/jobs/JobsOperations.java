package dev.jobs;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What operators need beyond {@link Jobs}: the nodes of the cluster, the control of their
 * workers, the throughput and the problems that need attention. One bean of this type is
 * available for injection.
 *
 * <p>
 * Stopping a worker this way is not {@link JobWorker#stop()}: the node keeps its lease
 * and heartbeat, runs its running jobs to their end, hands back the jobs it held ready,
 * and starts no new job until it is started again. Stopping every node is a desired state
 * of the cluster that nodes starting later follow too; stopping one node lasts while that
 * node lives. Every node reads what was asked once a poll interval (at once on the node
 * that was asked). A node that only enqueues is unaffected.
 *
 * @since 0.1.0
 */
public interface JobsOperations {

	/**
	 * The nodes whose workers are registered, by name.
	 * @return the nodes
	 */
	List<JobsNode> nodes();

	/**
	 * Start the worker of one node, or of every node, again.
	 * @param node the node name, or {@code null} for every node (which also clears what
	 * was asked of single nodes)
	 * @return whether the node was found; always {@code true} for every node
	 */
	boolean startWorkers(@Nullable String node);

	/**
	 * Stop the worker of one node, or of every node, from starting jobs.
	 * @param node the node name, or {@code null} for every node (which also clears what
	 * was asked of single nodes)
	 * @return whether the node was found; always {@code true} for every node
	 */
	boolean stopWorkers(@Nullable String node);

	/**
	 * The jobs that ended per minute and queue within a window up to now, oldest first.
	 * @param window how far back, at most a day
	 * @return one entry per minute and queue that had jobs end
	 * @throws InvalidJobRequestException if the window is not positive or longer than a
	 * day
	 */
	List<JobsThroughput> throughput(Duration window);

	/**
	 * What needs attention now: pending jobs that no live node handles, stuck threads,
	 * nodes that stopped heartbeating, a failure rate above the health's threshold, and
	 * queues over their backlog threshold.
	 * @return the problems, none when all is well
	 */
	List<JobsProblem> problems();

}
