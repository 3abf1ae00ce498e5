package dev.jobs.faults.harness;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One test's world: a private database instance, nodes as separate JVMs each behind a
 * relay of its own, and reads of what the database holds. Closing it stops every process
 * and instance it started and removes their directories.
 */
public final class FaultCluster implements AutoCloseable {

	/** {@code jobs.worker.heartbeat-interval} of every node. */
	public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(1);

	/** {@code jobs.worker.stale-after} of every node. */
	public static final Duration STALE_AFTER = Duration.ofSeconds(5);

	/** {@code jobs.worker.poll-interval} of every node. */
	public static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

	private final String test;

	private final FaultDatabase database;

	private final Path logs;

	private final Map<String, NodeProcess> nodes = new LinkedHashMap<>();

	private final Map<String, TcpRelay> relays = new LinkedHashMap<>();

	private FaultCluster(String test, FaultDatabase database) {
		this.test = test;
		this.database = database;
		this.logs = Paths.get(System.getProperty("faults.work.dir", "target/fault-work"), test);
		Shell.deleteTree(this.logs);
	}

	/**
	 * Start a private database instance for a test.
	 * @param test the test's name, for its log directory
	 * @param kind the database
	 * @return the cluster, with no node yet
	 */
	public static FaultCluster start(String test, FaultDatabase.Kind kind) {
		return new FaultCluster(test, FaultDatabase.start(kind));
	}

	/**
	 * The database instance.
	 * @return the instance
	 */
	public FaultDatabase database() {
		return this.database;
	}

	/**
	 * Start nodes {@code node-1} to {@code node-count} at once and wait until each
	 * answers.
	 * @param count how many
	 * @param arguments extra application arguments for every node
	 * @return the nodes
	 */
	public List<NodeProcess> startNodes(int count, String... arguments) {
		List<NodeProcess> started = new ArrayList<>();
		// the first node alone, since nodes that start at once on a fresh database can
		// fail (see StartupFaultIT); the others together
		started.add(launch("node-" + (this.nodes.size() + 1), List.of(), List.of(arguments)));
		started.get(0).awaitReady(Duration.ofSeconds(90));
		started.addAll(startNodesAtOnce(count - 1, arguments));
		return started;
	}

	/**
	 * Start nodes all at once and wait until each answers.
	 * @param count how many
	 * @param arguments extra application arguments for every node
	 * @return the nodes
	 */
	public List<NodeProcess> startNodesAtOnce(int count, String... arguments) {
		List<NodeProcess> started = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			started.add(launch("node-" + (this.nodes.size() + 1), List.of(), List.of(arguments)));
		}
		for (NodeProcess node : started) {
			node.awaitReady(Duration.ofSeconds(90));
		}
		return started;
	}

	/**
	 * Start one node and wait until it answers.
	 * @param name its name
	 * @param jvmOptions options for its JVM
	 * @param arguments extra application arguments
	 * @return the node
	 */
	public NodeProcess startNode(String name, List<String> jvmOptions, String... arguments) {
		NodeProcess node = launch(name, jvmOptions, List.of(arguments));
		node.awaitReady(Duration.ofSeconds(90));
		return node;
	}

	private NodeProcess launch(String name, List<String> jvmOptions, List<String> extra) {
		TcpRelay relay = new TcpRelay(this.database.port());
		this.relays.put(name, relay);
		List<String> arguments = new ArrayList<>(
				List.of("--spring.datasource.url=" + this.database.nodeUrl(relay.port()),
						"--fault.recorder-url=" + this.database.adminUrl(),
						"--jobs.worker.heartbeat-interval=" + HEARTBEAT_INTERVAL.toMillis() + "ms",
						"--jobs.worker.stale-after=" + STALE_AFTER.toMillis() + "ms",
						"--jobs.worker.poll-interval=" + POLL_INTERVAL.toMillis() + "ms", "--jobs.worker.concurrency=4",
						"--jobs.worker.shutdown-timeout=10s", "--spring.datasource.hikari.maximum-pool-size=10",
						"--spring.datasource.hikari.connection-timeout=3000"));
		// a property given twice on the command line would be read as a list
		Map<String, String> merged = new LinkedHashMap<>();
		for (String argument : arguments) {
			merged.put(argument.substring(0, argument.indexOf('=')), argument);
		}
		for (String argument : extra) {
			merged.put(argument.substring(0, argument.indexOf('=')), argument);
		}
		arguments = new ArrayList<>(merged.values());
		NodeProcess node = new NodeProcess(name, this.logs.resolve(name + ".log"), jvmOptions, arguments);
		this.nodes.put(name, node);
		return node;
	}

	/**
	 * The relay between a node and the database.
	 * @param node the node
	 * @return its relay
	 */
	public TcpRelay relay(NodeProcess node) {
		return this.relays.get(node.name());
	}

	/**
	 * Every relay.
	 * @return the relays
	 */
	public Collection<TcpRelay> relays() {
		return this.relays.values();
	}

	/**
	 * Every node started.
	 * @return the nodes
	 */
	public Collection<NodeProcess> nodes() {
		return this.nodes.values();
	}

	/**
	 * Enqueue sleeping jobs through a node.
	 * @param node the node
	 * @param count how many
	 * @param minMs shortest sleep
	 * @param maxMs longest sleep
	 * @return their ids
	 */
	public List<String> enqueue(NodeProcess node, int count, long minMs, long maxMs) {
		return enqueue(node, count, minMs, maxMs, 0);
	}

	/**
	 * Enqueue sleeping jobs through a node, due after a delay.
	 * @param node the node
	 * @param count how many
	 * @param minMs shortest sleep
	 * @param maxMs longest sleep
	 * @param delayMs the delay of each ({@code JobRequest.delay}), or 0
	 * @return their ids
	 */
	public List<String> enqueue(NodeProcess node, int count, long minMs, long maxMs, long delayMs) {
		String body = node.post("/fault/enqueue?count=" + count + "&minMs=" + minMs + "&maxMs=" + maxMs + "&seed=15"
				+ "&delayMs=" + delayMs);
		return Arrays.stream(body.split("\n")).filter((line) -> !line.isBlank()).toList();
	}

	/**
	 * Wait until at least so many jobs completed.
	 * @param count how many
	 * @param timeout how long at most
	 */
	public void awaitCompleted(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (countJobs("status = 'COMPLETED'") < count) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Fewer than " + count + " jobs completed within " + timeout);
			}
			Shell.sleep(100);
		}
	}

	/**
	 * Wait until every job is finished, or the time is up.
	 * @param timeout how long at most
	 * @return whether they all finished
	 */
	public boolean awaitSettled(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (countJobs("status NOT IN ('COMPLETED', 'FAILED', 'CANCELLED')") > 0) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Shell.sleep(250);
		}
		return true;
	}

	/**
	 * How many jobs match a condition.
	 * @param condition an SQL condition on {@code jobs_job}
	 * @return the count
	 */
	public int countJobs(String condition) {
		return queryInt("SELECT COUNT(*) FROM jobs_job WHERE " + condition);
	}

	/**
	 * The ids of the jobs that match a condition.
	 * @param condition an SQL condition on {@code jobs_job}
	 * @return the ids
	 */
	public Set<String> jobIds(String condition) {
		Set<String> ids = new HashSet<>();
		try (Connection connection = this.database.admin();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT id FROM jobs_job WHERE " + condition)) {
			while (rs.next()) {
				ids.add(rs.getString(1));
			}
			return ids;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The running jobs a node owns.
	 * @param node the node
	 * @return their ids
	 */
	public Set<String> ownedBy(NodeProcess node) {
		return jobIds("status = 'RUNNING' AND owner = '" + node.name() + "'");
	}

	int queryInt(String sql) {
		try (Connection connection = this.database.admin();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Read what the database holds now.
	 * @return the snapshot
	 */
	public Snapshot snapshot() {
		return Snapshot.read(this.database, STALE_AFTER.toMillis());
	}

	/**
	 * Start the figures of this test.
	 * @param ids the jobs enqueued
	 * @return the figures, to be completed by the test
	 */
	public Figures figures(Collection<String> ids) {
		return new Figures(this.test, this.database.kind(), ids, snapshot(), this);
	}

	@Override
	public void close() {
		for (NodeProcess node : this.nodes.values()) {
			node.close();
		}
		for (TcpRelay relay : this.relays.values()) {
			relay.close();
		}
		this.database.close();
	}

}
