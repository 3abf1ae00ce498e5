package dev.jobs.store.jdbc;

import java.sql.Types;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import dev.jobs.JobExecution.Outcome;
import dev.jobs.JobId;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.FinishedAttempt;

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

	void insertAll(List<FinishedAttempt> attempts) {
		if (attempts.isEmpty()) {
			return;
		}
		SqlParameterSource[] rows = new SqlParameterSource[attempts.size()];
		for (int i = 0; i < rows.length; i++) {
			FinishedAttempt attempt = attempts.get(i);
			ClaimedJob job = attempt.job();
			rows[i] = parameters(job.id(), job.fence(), job.attempt(), job.owner(), job.startedAt(),
					attempt.durationMillis(), attempt.result().outcome(), attempt.result().error());
		}
		this.access.named().batchUpdate(this.insert, rows);
	}

	void insert(JobId jobId, long seq, int attempt, String node, Instant startedAt, long durationMillis,
			Outcome outcome, @Nullable String error) {
		this.access.named()
			.update(this.insert, parameters(jobId, seq, attempt, node, startedAt, durationMillis, outcome, error));
	}

	private MapSqlParameterSource parameters(JobId jobId, long seq, int attempt, String node, Instant startedAt,
			long durationMillis, Outcome outcome, @Nullable String error) {
		return new MapSqlParameterSource("jobId", this.access.dialect().bind(jobId)).addValue("seq", seq)
			.addValue("attempt", attempt)
			.addValue("node", node)
			.addValue("startedAt", this.access.dialect().bind(startedAt))
			.addValue("durationMs", Math.max(0, durationMillis))
			.addValue("outcome", outcome.name())
			.addValue("error", error, Types.VARCHAR);
	}

}
