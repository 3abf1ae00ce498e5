package dev.jobs.store.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.jobs.JobExecution.Outcome;
import dev.jobs.JobId;
import dev.jobs.store.NodeInfo;
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
 * each, returns each to pending (its interrupted attempt counted) or fails it if it has
 * used its attempts (a job without a start time was held ahead of a free slot and may not
 * have started: it returns to pending, its attempt not counted), every update fenced by
 * owner and token, and finally forgets the node if it is still stale. A node that comes
 * back finds its row gone at its next heartbeat.
 */
public class JdbcNodeRegistry implements NodeRegistry {

	private final JdbcAccess access;

	private final DatabaseClock clock;

	private final ExecutionWriter executions;

	/**
	 * Create a registry.
	 * @param access the JDBC access
	 */
	public JdbcNodeRegistry(JdbcAccess access) {
		this.access = access;
		this.clock = new DatabaseClock(access);
		this.executions = new ExecutionWriter(access);
	}

	@Override
	public boolean heartbeat(String node) {
		String now = this.access.dialect().now();
		int updated = this.access.jdbc()
			.sql("UPDATE " + this.access.tables().node() + " SET heartbeat_at = " + now + " WHERE name = :name")
			.param("name", node)
			.update();
		if (updated > 0) {
			return true;
		}
		this.access.jdbc()
			.sql("INSERT INTO " + this.access.tables().node() + " (name, started_at, heartbeat_at) VALUES (:name, "
					+ now + ", " + now + ")")
			.param("name", node)
			.update();
		return false;
	}

	@Override
	public void unregister(String node) {
		this.access.jdbc()
			.sql("DELETE FROM " + this.access.tables().node() + " WHERE name = :name")
			.param("name", node)
			.update();
	}

	@Override
	public List<NodeInfo> nodes() {
		return this.access.jdbc()
			.sql("SELECT name, started_at, heartbeat_at, " + this.access.dialect().now() + " AS db_now FROM "
					+ this.access.tables().node() + " ORDER BY name")
			.query((rs, rowNum) -> {
				Instant heartbeatAt = this.access.dialect().instant(rs, "heartbeat_at");
				Instant now = this.access.dialect().instant(rs, "db_now");
				Duration silence = Duration.between(heartbeatAt, now);
				return new NodeInfo(rs.getString("name"), this.access.dialect().instant(rs, "started_at"), heartbeatAt,
						silence.isNegative() ? Duration.ZERO : silence);
			})
			.list();
	}

	@Override
	public List<RescuedJob> rescueStaleNodes(Duration staleAfter) {
		MapSqlParameterSource threshold = new MapSqlParameterSource("staleMs", -staleAfter.toMillis());
		String staleTime = this.access.dialect().nowPlusMillis("staleMs");
		Set<String> dead = new LinkedHashSet<>(this.access.named()
			.queryForList("SELECT name FROM " + this.access.tables().node() + " WHERE heartbeat_at < " + staleTime,
					threshold, String.class));
		dead.addAll(this.access.named()
			.queryForList("SELECT DISTINCT owner FROM " + this.access.tables().job()
					+ " WHERE owner IS NOT NULL AND status = 'RUNNING' AND (started_at IS NULL OR started_at < "
					+ staleTime + ")" + " AND owner NOT IN (SELECT name FROM " + this.access.tables().node() + ")",
					threshold, String.class));
		List<RescuedJob> rescued = new ArrayList<>();
		for (String node : dead) {
			rescued.addAll(this.access.inTransaction(() -> rescue(node, threshold, staleTime)));
		}
		return rescued;
	}

	private List<RescuedJob> rescue(String node, MapSqlParameterSource threshold, String staleTime) {
		Instant now = this.clock.now();
		List<RunningRow> running = this.access.named()
			.query("SELECT id, name, queue, attempts, max_attempts, fence, started_at FROM " + this.access.tables()
				.job() + " WHERE status = 'RUNNING' AND owner = :owner" + this.access.dialect().forUpdateSkipLocked(),
					new MapSqlParameterSource("owner", node),
					(rs, rowNum) -> new RunningRow(this.access.dialect().jobId(rs, "id"), rs.getString("name"),
							rs.getString("queue"), rs.getInt("attempts"), rs.getInt("max_attempts"),
							rs.getLong("fence"), this.access.dialect().instant(rs, "started_at")));
		List<RescuedJob> rescued = new ArrayList<>();
		for (RunningRow row : running) {
			// a job without a start time was held ahead of a free slot and may never have
			// started: its attempt is not counted
			boolean held = row.startedAt() == null;
			boolean failed = !held && row.attempts() >= row.maxAttempts();
			String error = held
					? "Interrupted: node " + node + " stopped heartbeating while it held attempt " + row.attempts()
							+ " ready to start; not counted"
					: "Interrupted: node " + node + " stopped heartbeating while attempt " + row.attempts() + " ran"
							+ (failed ? "; no attempts left" : "");
			String set = failed
					? "status = 'FAILED', owner = NULL, active_key = NULL, cancel_requested = FALSE, finished_at = "
							+ this.access.dialect().now()
					: "status = 'PENDING', owner = NULL, run_at = " + this.access.dialect().now();
			if (held) {
				set += ", attempts = attempts - 1";
			}
			int updated = this.access.named()
				.update("UPDATE " + this.access.tables().job() + " SET " + set
						+ ", error = :error WHERE id = :id AND owner = :owner AND fence = :fence AND status = 'RUNNING'",
						new MapSqlParameterSource("id", this.access.dialect().bind(row.id())).addValue("owner", node)
							.addValue("fence", row.fence())
							.addValue("error", error));
			if (updated > 0) {
				Instant startedAt = (row.startedAt() != null) ? row.startedAt() : now;
				this.executions.insert(row.id(), row.fence(), row.attempts(), node, startedAt,
						Duration.between(startedAt, now).toMillis(), Outcome.INTERRUPTED, error);
				rescued.add(new RescuedJob(row.id(), row.name(), row.queue(), row.attempts(), node, failed));
			}
		}
		this.access.named()
			.update("DELETE FROM " + this.access.tables().node() + " WHERE name = :owner AND heartbeat_at < "
					+ staleTime, new MapSqlParameterSource(threshold.getValues()).addValue("owner", node));
		return rescued;
	}

	@Override
	public List<JobId> cancelRequested(String node) {
		return this.access.jdbc()
			.sql("SELECT id FROM " + this.access.tables().job()
					+ " WHERE owner = :owner AND status = 'RUNNING' AND cancel_requested = TRUE")
			.param("owner", node)
			.query((rs, rowNum) -> this.access.dialect().jobId(rs, "id"))
			.list();
	}

	private record RunningRow(JobId id, String name, String queue, int attempts, int maxAttempts, long fence,
			Instant startedAt) {

	}

}
