package dev.jobs.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.jobs.JobExecution.Outcome;
import dev.jobs.JobId;
import dev.jobs.store.NodeInfo;
import dev.jobs.store.NodeLease;
import dev.jobs.store.NodeNameInUseException;
import dev.jobs.store.NodeRegistry;
import dev.jobs.store.RescuedJob;

/**
 * Node liveness in the nodes table: each node's row carries its last heartbeat, written
 * with the database's clock, so node clock skew cannot make a live node look dead.
 *
 * <p>
 * Rescue finds nodes whose heartbeat is older than {@code staleAfter}, and running jobs
 * whose owner has no row at all and that started longer ago than that. For each such
 * node, in one transaction, it locks the node's running jobs ({@code SKIP LOCKED}, so two
 * rescuers never take the same job), writes an {@code INTERRUPTED} execution row for
 * each, returns each to pending (its interrupted attempt counted, its due time and so its
 * place in line kept), fails it if it has used its attempts, or cancels it if its cancel
 * was requested, every update fenced by owner and token, and finally forgets the node if
 * it is still stale. A job without a start time was held ahead of a free slot and may not
 * have started: it returns to pending, its attempt not counted. A node that comes back
 * finds its row gone at its next heartbeat.
 *
 * <p>
 * A row holds its name for one instance: heartbeats and the removal of a row match the
 * instance token too, and a node that finds its name in a row of another instance is
 * refused. The row lists the job names the node has handlers for, one per line.
 */
public class JdbcNodeRegistry implements NodeRegistry {

	private static final String HANDLER_SEPARATOR = "\n";

	private static final String WORKERS = "workers";

	private static final String RUNNING = "RUNNING";

	private static final String STOPPED = "STOPPED";

	private final JdbcAccess access;

	private final DatabaseClock clock;

	private final ExecutionWriter executions;

	private final JobStatements statements;

	/**
	 * Create a registry.
	 * @param access the JDBC access
	 */
	public JdbcNodeRegistry(JdbcAccess access) {
		this.access = access;
		this.clock = new DatabaseClock(access);
		this.executions = new ExecutionWriter(access);
		this.statements = new JobStatements(access.dialect(), access.tables());
	}

	/**
	 * Whether this registry works on a data source.
	 * @param dataSource the data source
	 * @return whether it is the one this registry works on
	 */
	public boolean worksOn(DataSource dataSource) {
		return this.access.dataSource() == dataSource;
	}

	@Override
	public Optional<NodeInfo> register(NodeLease lease) {
		Optional<NodeInfo> holder = node(lease.name());
		if (holder.isPresent()) {
			return holder;
		}
		try {
			insert(lease);
			return Optional.empty();
		}
		catch (DuplicateKeyException ex) {
			return node(lease.name()).or(() -> register(lease));
		}
	}

	@Override
	public boolean heartbeat(NodeLease lease) {
		int updated = this.access.jdbc()
			.sql("UPDATE " + this.access.tables().node() + " SET heartbeat_at = " + this.access.dialect().now()
					+ " WHERE name = :name AND instance = :instance")
			.param("name", lease.name())
			.param("instance", lease.instance())
			.update();
		if (updated > 0) {
			return true;
		}
		try {
			insert(lease);
			return false;
		}
		catch (DuplicateKeyException ex) {
			throw new NodeNameInUseException(lease.name(), node(lease.name()).orElse(null), Duration.ZERO);
		}
	}

	private void insert(NodeLease lease) {
		String now = this.access.dialect().now();
		this.access.jdbc()
			.sql("INSERT INTO " + this.access.tables().node()
					+ " (name, instance, handlers, concurrency, started_at, heartbeat_at) VALUES (:name, :instance,"
					+ " :handlers, :concurrency, " + now + ", " + now + ")")
			.param("name", lease.name())
			.param("instance", lease.instance())
			.param("handlers", String.join(HANDLER_SEPARATOR, lease.handlers()))
			.param("concurrency", lease.concurrency(), Types.INTEGER)
			.update();
	}

	@Override
	public void unregister(NodeLease lease) {
		this.access.jdbc()
			.sql("DELETE FROM " + this.access.tables().node() + " WHERE name = :name AND instance = :instance")
			.param("name", lease.name())
			.param("instance", lease.instance())
			.update();
	}

	@Override
	public List<NodeInfo> nodes() {
		return this.access.jdbc().sql(selectNodes() + " ORDER BY name").query(this::nodeInfo).list();
	}

	private Optional<NodeInfo> node(String name) {
		return this.access.jdbc()
			.sql(selectNodes() + " WHERE name = :name")
			.param("name", name)
			.query(this::nodeInfo)
			.optional();
	}

	private String selectNodes() {
		String node = this.access.tables().node();
		return "SELECT name, instance, concurrency, worker_desired, started_at, heartbeat_at, "
				+ this.access.dialect().now() + " AS db_now, (SELECT COUNT(*) FROM " + this.access.tables().job()
				+ " j WHERE j.owner = " + node + ".name AND j.status = 'RUNNING') AS running_jobs, ("
				+ selectClusterWorkers() + ") AS cluster_workers FROM " + node;
	}

	private String selectClusterWorkers() {
		return "SELECT setting FROM " + this.access.tables().clusterState() + " WHERE name = '" + WORKERS + "'";
	}

	private NodeInfo nodeInfo(ResultSet rs, int rowNum) throws SQLException {
		Instant heartbeatAt = this.access.dialect().instant(rs, "heartbeat_at");
		Instant now = this.access.dialect().instant(rs, "db_now");
		Duration silence = Duration.between(heartbeatAt, now);
		int concurrency = rs.getInt("concurrency");
		Integer knownConcurrency = rs.wasNull() ? null : concurrency;
		return new NodeInfo(rs.getString("name"), this.access.dialect().instant(rs, "started_at"), heartbeatAt,
				silence.isNegative() ? Duration.ZERO : silence, rs.getString("instance"), knownConcurrency,
				rs.getLong("running_jobs"),
				workerWanted(rs.getString("worker_desired"), rs.getString("cluster_workers")));
	}

	private static boolean workerWanted(@Nullable String asked, @Nullable String askedOfAll) {
		String desired = (asked != null) ? asked : askedOfAll;
		return !STOPPED.equals(desired);
	}

	@Override
	public boolean requestWorkers(@Nullable String node, boolean run) {
		String desired = run ? RUNNING : STOPPED;
		if (node != null) {
			return this.access.inOwnTransaction(() -> this.access.jdbc()
				.sql("UPDATE " + this.access.tables().node() + " SET worker_desired = :desired WHERE name = :name")
				.param("desired", desired)
				.param("name", node)
				.update() > 0);
		}
		String now = this.access.dialect().now();
		String update = "UPDATE " + this.access.tables().clusterState() + " SET setting = :desired, changed_at = " + now
				+ " WHERE name = '" + WORKERS + "'";
		String insert = "INSERT INTO " + this.access.tables().clusterState() + " (name, setting, changed_at) VALUES ('"
				+ WORKERS + "', :desired, " + now + ")";
		boolean updated = this.access.inOwnTransaction(() -> {
			this.access.jdbc().sql("UPDATE " + this.access.tables().node() + " SET worker_desired = NULL").update();
			return this.access.jdbc().sql(update).param("desired", desired).update() > 0;
		});
		if (!updated) {
			try {
				this.access.inOwnTransaction(() -> this.access.jdbc().sql(insert).param("desired", desired).update());
			}
			catch (DuplicateKeyException ex) {
				this.access.inOwnTransaction(() -> this.access.jdbc().sql(update).param("desired", desired).update());
			}
		}
		return true;
	}

	@Override
	public boolean workerWanted(String node) {
		return this.access.jdbc()
			.sql("SELECT (SELECT worker_desired FROM " + this.access.tables().node()
					+ " WHERE name = :name) AS worker_desired, (" + selectClusterWorkers() + ") AS cluster_workers")
			.param("name", node)
			.query((rs, rowNum) -> workerWanted(rs.getString("worker_desired"), rs.getString("cluster_workers")))
			.single();
	}

	@Override
	public Set<String> liveHandlers(Duration staleAfter) {
		Set<String> names = new HashSet<>();
		this.access.named()
			.queryForList(
					"SELECT handlers FROM " + this.access.tables().node() + " WHERE heartbeat_at >= "
							+ this.access.dialect().nowPlusMillis("staleMs") + " AND handlers IS NOT NULL",
					new MapSqlParameterSource("staleMs", -staleAfter.toMillis()), String.class)
			.forEach((handlers) -> {
				for (String name : handlers.split(HANDLER_SEPARATOR)) {
					if (!name.isEmpty()) {
						names.add(name);
					}
				}
			});
		return names;
	}

	@Override
	public SortedMap<String, Long> unhandledJobs(Duration staleAfter) {
		Set<String> live = liveHandlers(staleAfter);
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String handled = "";
		if (!live.isEmpty()) {
			handled = " AND name NOT IN (:live)";
			parameters.addValue("live", live);
		}
		SortedMap<String, Long> unhandled = new TreeMap<>();
		this.access.named()
			.query("SELECT name, COUNT(*) AS jobs FROM " + this.access.tables().job() + " WHERE status = 'PENDING'"
					+ handled + " GROUP BY name", parameters, (rs) -> {
						unhandled.put(rs.getString("name"), rs.getLong("jobs"));
					});
		return unhandled;
	}

	@Override
	public List<RescuedJob> rescueStaleNodes(Duration staleAfter) {
		MapSqlParameterSource threshold = new MapSqlParameterSource("staleMs", -staleAfter.toMillis());
		String staleTime = this.access.dialect().nowPlusMillis("staleMs");
		Set<String> dead = new LinkedHashSet<>(this.access.named()
			.queryForList("SELECT name FROM " + this.access.tables().node() + " WHERE heartbeat_at < " + staleTime,
					threshold, String.class));
		dead.addAll(this.access.named()
			.queryForList(this.statements.ownersWithoutNode(staleTime), threshold, String.class));
		List<RescuedJob> rescued = new ArrayList<>();
		for (String node : dead) {
			rescued.addAll(this.access.inTransaction(() -> rescue(node, threshold, staleTime)));
		}
		return rescued;
	}

	private List<RescuedJob> rescue(String node, MapSqlParameterSource threshold, String staleTime) {
		Instant now = this.clock.now();
		List<RunningRow> running = this.access.named()
			.query(this.statements.lockRunningOf(), new MapSqlParameterSource("owner", node),
					(rs, rowNum) -> new RunningRow(this.access.dialect().jobId(rs, "id"), rs.getString("name"),
							rs.getString("queue"), rs.getInt("attempts"), rs.getInt("max_attempts"),
							rs.getLong("fence"), this.access.dialect().instant(rs, "started_at"),
							rs.getBoolean("cancel_requested")));
		List<RescuedJob> rescued = new ArrayList<>();
		for (RunningRow row : running) {
			// a job without a start time was held ahead of a free slot and may never have
			// started: its attempt is not counted
			boolean held = row.startedAt() == null;
			RescuedJob.Fate fate = row.cancelRequested() ? RescuedJob.Fate.CANCELLED
					: (!held && row.attempts() >= row.maxAttempts()) ? RescuedJob.Fate.FAILED : RescuedJob.Fate.PENDING;
			String error = switch (fate) {
				case PENDING -> held
						? "Interrupted: node " + node + " stopped heartbeating while it held attempt " + row.attempts()
								+ " ready to start; not counted"
						: "Interrupted: node " + node + " stopped heartbeating while attempt " + row.attempts()
								+ " ran";
				case FAILED -> "Interrupted: node " + node + " stopped heartbeating while attempt " + row.attempts()
						+ " ran; no attempts left";
				case CANCELLED ->
					"Cancelled while attempt " + row.attempts() + " ran; node " + node + " stopped heartbeating";
			};
			String statement = switch (fate) {
				case PENDING -> this.statements.rescueToPending(held);
				case FAILED -> this.statements.rescueFail();
				case CANCELLED -> this.statements.rescueCancel();
			};
			int updated = this.access.named()
				.update(statement,
						new MapSqlParameterSource("id", this.access.dialect().bind(row.id())).addValue("owner", node)
							.addValue("fence", row.fence())
							.addValue("error", error));
			if (updated > 0) {
				Instant startedAt = (row.startedAt() != null) ? row.startedAt() : now;
				this.executions.insert(row.id(), row.fence(), row.attempts(), node, startedAt,
						Duration.between(startedAt, now).toMillis(),
						(fate == RescuedJob.Fate.CANCELLED) ? Outcome.CANCELLED : Outcome.INTERRUPTED, error);
				rescued.add(new RescuedJob(row.id(), row.name(), row.queue(), row.attempts(), node, fate));
			}
		}
		this.access.named()
			.update("DELETE FROM " + this.access.tables().node() + " WHERE name = :owner AND heartbeat_at < "
					+ staleTime, new MapSqlParameterSource(threshold.getValues()).addValue("owner", node));
		return rescued;
	}

	@Override
	public Instant databaseTime() {
		return this.clock.now();
	}

	@Override
	public List<JobId> cancelRequested(String node) {
		return this.access.jdbc()
			.sql(this.statements.cancelRequested())
			.param("owner", node)
			.query((rs, rowNum) -> this.access.dialect().jobId(rs, "id"))
			.list();
	}

	private record RunningRow(JobId id, String name, String queue, int attempts, int maxAttempts, long fence,
			Instant startedAt, boolean cancelRequested) {

	}

}
