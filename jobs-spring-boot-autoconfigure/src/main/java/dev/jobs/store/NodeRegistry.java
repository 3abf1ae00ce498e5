package dev.jobs.store;

import java.time.Duration;
import java.util.List;

import dev.jobs.JobId;

/**
 * Node liveness on the database's clock: heartbeats, and the rescue of running jobs whose
 * node stopped heartbeating.
 */
public interface NodeRegistry {

	/**
	 * Record that a node is alive, registering it if it is not.
	 * @param node the node name
	 * @return {@code false} if the node was not registered, because it had been declared
	 * dead or is new; it is registered now
	 */
	boolean heartbeat(String node);

	/**
	 * Remove a node that stops.
	 * @param node the node name
	 */
	void unregister(String node);

	/**
	 * Return the running jobs of every node that has not heartbeated for
	 * {@code staleAfter} to pending, each with an {@code INTERRUPTED} execution, or fail
	 * those that have used their attempts; then forget those nodes.
	 * @param staleAfter how long without a heartbeat makes a node dead
	 * @return the rescued jobs
	 */
	List<RescuedJob> rescueStaleNodes(Duration staleAfter);

	/**
	 * Every registered node, live or not yet found dead, by name.
	 * @return the nodes
	 */
	List<NodeInfo> nodes();

	/**
	 * The running jobs of a node that were asked to stop.
	 * @param node the node name
	 * @return their ids
	 */
	List<JobId> cancelRequested(String node);

}
