package dev.jobs.faults.harness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the database holds at one moment: the jobs, the suite's record of handler runs,
 * the execution history and the live nodes.
 *
 * @param jobs the jobs by id
 * @param runs the handler runs ({@code fault_runs})
 * @param executions the execution rows
 * @param liveNodes the nodes whose heartbeat is younger than {@code stale-after}
 */
public record Snapshot(Map<String, JobRow> jobs, List<Run> runs, List<Execution> executions, Set<String> liveNodes) {

	static Snapshot read(FaultDatabase database, long staleAfterMs) {
		try (Connection connection = database.admin(); Statement statement = connection.createStatement()) {
			Map<String, JobRow> jobs = new HashMap<>();
			try (ResultSet rs = statement.executeQuery("SELECT id, status, owner, attempts FROM jobs_job")) {
				while (rs.next()) {
					jobs.put(rs.getString(1), new JobRow(rs.getString(2), rs.getString(3), rs.getInt(4)));
				}
			}
			List<Run> runs = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery(
					"SELECT job_id, node, attempt, started_ms, ended_ms FROM fault_runs ORDER BY started_ms")) {
				while (rs.next()) {
					long ended = rs.getLong(5);
					Long endedMs = rs.wasNull() ? null : ended;
					runs.add(new Run(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), endedMs));
				}
			}
			List<Execution> executions = new ArrayList<>();
			try (ResultSet rs = statement
				.executeQuery("SELECT job_id, attempt, node, outcome, error, finished_at FROM jobs_job_execution")) {
				while (rs.next()) {
					executions.add(new Execution(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
							rs.getString(5), epochMs(rs, 6, database.kind())));
				}
			}
			Set<String> live = new HashSet<>();
			try (ResultSet rs = statement
				.executeQuery("SELECT name FROM jobs_node WHERE " + database.heartbeatYoungerThan(staleAfterMs))) {
				while (rs.next()) {
					live.add(rs.getString(1));
				}
			}
			return new Snapshot(jobs, runs, executions, live);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the database: " + ex.getMessage(), ex);
		}
	}

	private static long epochMs(ResultSet rs, int column, FaultDatabase.Kind kind) throws SQLException {
		if (kind == FaultDatabase.Kind.POSTGRES) {
			return rs.getObject(column, OffsetDateTime.class).toInstant().toEpochMilli();
		}
		// MySQL/MariaDB keep UTC in DATETIME columns
		return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC).toEpochMilli();
	}

	/**
	 * One job's row.
	 *
	 * @param status its status
	 * @param owner the node running it, or {@code null}
	 * @param attempts attempts so far
	 */
	public record JobRow(String status, String owner, int attempts) {

		boolean isTerminal() {
			return this.status.equals("COMPLETED") || this.status.equals("FAILED") || this.status.equals("CANCELLED");
		}

	}

	/**
	 * One handler run, as the handler recorded it.
	 *
	 * @param jobId the job
	 * @param node the node it ran on
	 * @param attempt {@code JobContext.attempt()}
	 * @param startedMs when it started
	 * @param endedMs when it returned, or {@code null} if it never did
	 */
	public record Run(String jobId, String node, int attempt, long startedMs, Long endedMs) {

		boolean inFlightAt(long ms) {
			return this.startedMs <= ms && (this.endedMs == null || this.endedMs > ms);
		}

	}

	/**
	 * One execution row.
	 *
	 * @param jobId the job
	 * @param attempt the attempt
	 * @param node the node
	 * @param outcome its outcome
	 * @param error its error text
	 * @param finishedMs when it was written (by the database's clock)
	 */
	public record Execution(String jobId, int attempt, String node, String outcome, String error, long finishedMs) {

	}

}
