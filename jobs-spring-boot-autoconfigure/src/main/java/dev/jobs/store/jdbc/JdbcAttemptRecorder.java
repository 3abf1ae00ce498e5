package dev.jobs.store.jdbc;

import java.sql.Types;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.jobs.store.AttemptRecorder;
import dev.jobs.store.AttemptResult;
import dev.jobs.store.ClaimedJob;

/**
 * Records the end of an attempt in one transaction: the job's row, updated only where
 * {@code id}, {@code owner} and {@code fence} still match the claim and it is still
 * running, then the attempt's execution row. When the update matches no row the node has
 * lost the job (it was rescued, and maybe claimed again), so nothing is written.
 */
public class JdbcAttemptRecorder implements AttemptRecorder {

	private static final String FENCE = " WHERE id = :id AND owner = :owner AND fence = :fence AND status = 'RUNNING'";

	private final JdbcAccess access;

	private final ExecutionWriter executions;

	/**
	 * Create a recorder.
	 * @param access the JDBC access
	 */
	public JdbcAttemptRecorder(JdbcAccess access) {
		this.access = access;
		this.executions = new ExecutionWriter(access);
	}

	@Override
	public boolean record(ClaimedJob job, AttemptResult result, long durationMillis) {
		MapSqlParameterSource parameters = fenced(job).addValue("error", ErrorText.summary(result.error()),
				Types.VARCHAR);
		String set = assignments(result, parameters);
		return this.access.inTransaction(() -> {
			int updated = this.access.named()
				.update("UPDATE " + this.access.tables().job() + " SET " + set + FENCE, parameters);
			if (updated == 0) {
				return false;
			}
			this.executions.insert(job.id(), job.fence(), job.attempt(), job.owner(), job.startedAt(), durationMillis,
					result.outcome(), result.error());
			return true;
		});
	}

	private String assignments(AttemptResult result, MapSqlParameterSource parameters) {
		if (result instanceof AttemptResult.Completed completed) {
			parameters.addValue("result", completed.resultJson(), Types.VARCHAR);
			return "status = 'COMPLETED', result = :result, progress = 100, " + finished();
		}
		if (result instanceof AttemptResult.Retry retry) {
			parameters.addValue("delayMs", retry.delay().toMillis());
			return "status = 'PENDING', error = :error, owner = NULL, run_at = "
					+ this.access.dialect().nowPlusMillis("delayMs");
		}
		if (result instanceof AttemptResult.Failed) {
			return "status = 'FAILED', error = :error, " + finished();
		}
		if (result instanceof AttemptResult.Cancelled) {
			return "status = 'CANCELLED', error = :error, " + finished();
		}
		return "status = 'PENDING', owner = NULL, attempts = attempts - 1, run_at = " + this.access.dialect().now();
	}

	private String finished() {
		return "owner = NULL, active_key = NULL, cancel_requested = FALSE, finished_at = "
				+ this.access.dialect().now();
	}

	@Override
	public boolean progress(ClaimedJob job, int percent) {
		return this.access.named()
			.update("UPDATE " + this.access.tables().job() + " SET progress = :progress" + FENCE,
					fenced(job).addValue("progress", percent)) > 0;
	}

	private MapSqlParameterSource fenced(ClaimedJob job) {
		return new MapSqlParameterSource("id", this.access.dialect().bind(job.id())).addValue("owner", job.owner())
			.addValue("fence", job.fence());
	}

	/**
	 * Bounds the error text stored with a job and with an execution.
	 */
	static final class ErrorText {

		static final int MAX_SUMMARY = 2000;

		private ErrorText() {
		}

		static @Nullable String summary(@Nullable String error) {
			if (error == null) {
				return null;
			}
			int lineEnd = error.indexOf('\n');
			String firstLine = (lineEnd >= 0) ? error.substring(0, lineEnd) : error;
			return (firstLine.length() > MAX_SUMMARY) ? firstLine.substring(0, MAX_SUMMARY) : firstLine;
		}

	}

}
