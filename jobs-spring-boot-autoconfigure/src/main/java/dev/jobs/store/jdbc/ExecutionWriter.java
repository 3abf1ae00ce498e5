package dev.jobs.store.jdbc;

import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.jobs.JobExecution.Outcome;
import dev.jobs.JobId;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.FinishedAttempt;

/**
 * Inserts execution rows, one per attempt, keyed by the job and the attempt's fencing
 * token; the database's clock gives the finish time. Many rows go in multi-row statements
 * of up to {@link #ROWS_PER_STATEMENT} rows, which the database executes as one statement
 * rather than one per row. Error texts are cleaned and bounded ({@link StoredText}).
 */
final class ExecutionWriter {

	static final int ROWS_PER_STATEMENT = MultiRowStatement.MAX_ROWS;

	/**
	 * The most characters of an execution's error (message and stack trace) kept.
	 */
	static final int MAX_ERROR = 16 * 1024;

	private static final String COLUMNS = " (job_id, seq, attempt, node, started_at, finished_at, duration_ms, outcome, error)";

	private final JdbcAccess access;

	private final String insert;

	private final MultiRowStatement multiRowInsert;

	ExecutionWriter(JdbcAccess access) {
		this.access = access;
		this.insert = "INSERT INTO " + access.tables().execution() + COLUMNS
				+ " VALUES (:jobId, :seq, :attempt, :node, :startedAt, " + access.dialect().now()
				+ ", :durationMs, :outcome, :error)";
		this.multiRowInsert = new MultiRowStatement("INSERT INTO " + access.tables().execution() + COLUMNS + " VALUES ",
				"(?, ?, ?, ?, ?, " + access.dialect().now() + ", ?, ?, ?)");
	}

	void insertAll(List<FinishedAttempt> attempts) {
		for (int from = 0; from < attempts.size(); from += ROWS_PER_STATEMENT) {
			List<FinishedAttempt> chunk = attempts.subList(from, Math.min(attempts.size(), from + ROWS_PER_STATEMENT));
			this.access.named().getJdbcOperations().update(this.multiRowInsert.sql(chunk.size()), (statement) -> {
				PositionalParameters parameters = new PositionalParameters(statement);
				for (FinishedAttempt attempt : chunk) {
					add(attempt, parameters);
				}
			});
		}
	}

	private void add(FinishedAttempt attempt, PositionalParameters parameters) throws SQLException {
		ClaimedJob job = attempt.job();
		parameters.add(this.access.dialect().bind(job.id()))
			.add(job.fence())
			.add(job.attempt())
			.add(job.owner())
			.add(Objects.requireNonNull(this.access.dialect().bind(job.startedAt())))
			.add(Math.max(0, attempt.durationMillis()))
			.add(attempt.result().outcome().name())
			.add(StoredText.clean(attempt.result().error(), MAX_ERROR));
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
			.addValue("error", StoredText.clean(error, MAX_ERROR), Types.VARCHAR);
	}

}
