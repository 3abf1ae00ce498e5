package dev.jobs.store.jdbc;

import java.sql.Types;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.jobs.JobExecution.Outcome;
import dev.jobs.JobId;

/**
 * Inserts execution rows, one per attempt, keyed by the job and the attempt's fencing
 * token; the database's clock gives the finish time.
 */
final class ExecutionWriter {

	private final JdbcAccess access;

	private final String insert;

	ExecutionWriter(JdbcAccess access) {
		this.access = access;
		this.insert = "INSERT INTO " + access.tables().execution()
				+ " (job_id, seq, attempt, node, started_at, finished_at, duration_ms, outcome, error)"
				+ " VALUES (:jobId, :seq, :attempt, :node, :startedAt, " + access.dialect().now()
				+ ", :durationMs, :outcome, :error)";
	}

	void insert(JobId jobId, long seq, int attempt, String node, Instant startedAt, long durationMillis,
			Outcome outcome, @Nullable String error) {
		this.access.named()
			.update(this.insert,
					new MapSqlParameterSource("jobId", this.access.dialect().bind(jobId)).addValue("seq", seq)
						.addValue("attempt", attempt)
						.addValue("node", node)
						.addValue("startedAt", this.access.dialect().bind(startedAt))
						.addValue("durationMs", Math.max(0, durationMillis))
						.addValue("outcome", outcome.name())
						.addValue("error", error, Types.VARCHAR));
	}

}
