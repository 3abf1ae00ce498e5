package dev.jobs.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;

/**
 * Node liveness on the database's clock: heartbeats, and the rescue of running jobs whose
 * node stopped heartbeating.
 */
public interface NodeRegistry {

	/**
	 * Register a node under its name, with its handlers, unless a row of another instance
	 * holds the name.
	 * @param lease the node's name, instance token and handlers
	 * @return the row that holds the name, live or not, or empty if the node is
	 * registered now
	 */
	Optional<NodeInfo> register(NodeLease lease);

	/**
	 * Record that a node is alive, registering it if it is not.
	 * @param lease the node's name, instance token and handlers
	 * @return {@code false} if the node was not registered, because it had been declared
	 * dead or is new; it is registered now
	 * @throws NodeNameInUseException if another instance holds the name
	 */
	boolean heartbeat(NodeLease lease);

	/**
	 * Remove a node that stops, if it still holds its name.
	 * @param lease the node's name and instance token
	 */
	void unregister(NodeLease lease);

	/**
	 * The job names that the live nodes have handlers for.
	 * @param staleAfter how long without a heartbeat makes a node dead
	 * @return the names
	 */
	Set<String> liveHandlers(Duration staleAfter);

	/**
	 * The names of pending jobs that no live node has a handler for, each with its number
	 * of pending jobs.
	 * @param staleAfter how long without a heartbeat makes a node dead
	 * @return the counts by job name, sorted by name
	 */
	SortedMap<String, Long> unhandledJobs(Duration staleAfter);

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

	/**
	 * The database's current instant, the clock that decides whether a job is due and
	 * whether a node is alive.
	 * @return the database's time
	 */
	Instant databaseTime();

	/**
	 * Ask the worker of one node, or of every node, to run or to stop. Asking every node
	 * sets the cluster's desired state, which nodes that start later follow too, and
	 * clears what was asked of single nodes; asking one node lasts while its row lives.
	 * @param node the node name, or {@code null} for every node
	 * @param run whether the worker should run
	 * @return whether the node was found; always {@code true} for every node
	 */
	boolean requestWorkers(@Nullable String node, boolean run);

	/**
	 * Whether a node's worker should run, as last asked of it or else of every node.
	 * @param node the node name
	 * @return whether it should run; {@code true} unless a stop was asked
	 */
	boolean workerWanted(String node);

}
