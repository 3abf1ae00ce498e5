package dev.jobs.store.jdbc;

import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import dev.jobs.store.AttemptResult;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.FinishedAttempt;

/**
 * What every way of recording the ends of attempts shares: which attempts are plain
 * completions or put their job back in line, the fenced update of each other end with its
 * parameters, and the cancellation an attempt is recorded as when its job's cancel was
 * requested while it ran.
 *
 * @param access the JDBC access
 * @param statements the job statements
 */
record AttemptEnds(JdbcAccess access, JobStatements statements) {

	static boolean isPlainCompletion(FinishedAttempt attempt) {
		return attempt.result() instanceof AttemptResult.Completed completed && completed.resultJson() == null;
	}

	static boolean putsBackInLine(FinishedAttempt attempt) {
		return attempt.result() instanceof AttemptResult.Retry || attempt.result() instanceof AttemptResult.HandedBack;
	}

	static FinishedAttempt cancelled(FinishedAttempt attempt) {
		String error = "Cancelled while attempt " + attempt.job().attempt() + " ran; it ended "
				+ attempt.result().outcome() + ": " + attempt.result().error();
		return new FinishedAttempt(attempt.job(), new AttemptResult.Cancelled(error), attempt.durationMillis());
	}

	/**
	 * The parameters of a fenced update of a job's row.
	 */
	MapSqlParameterSource fenced(ClaimedJob job) {
		return new MapSqlParameterSource("id", this.access.dialect().bind(job.id())).addValue("owner", job.owner())
			.addValue("fence", job.fence());
	}

	/**
	 * The fenced updates of the attempts other than plain completions, by statement.
	 */
	Map<String, List<Fenced>> fencedBatches(List<FinishedAttempt> attempts) {
		Map<String, List<Fenced>> batches = new LinkedHashMap<>();
		for (FinishedAttempt attempt : attempts) {
			if (isPlainCompletion(attempt)) {
				continue;
			}
			MapSqlParameterSource parameters = fenced(attempt.job()).addValue("error",
					ErrorText.summary(attempt.result().error()), Types.VARCHAR);
			String sql = statement(attempt.result(), parameters);
			batches.computeIfAbsent(sql, (key) -> new ArrayList<>()).add(new Fenced(attempt, parameters));
		}
		return batches;
	}

	int[] update(String sql, List<Fenced> batch) {
		return this.access.named()
			.batchUpdate(sql, batch.stream().map(Fenced::parameters).toArray(SqlParameterSource[]::new));
	}

	/**
	 * The fenced update that records an attempt's end, its parameters beyond the fence
	 * and the error added.
	 */
	private String statement(AttemptResult result, MapSqlParameterSource parameters) {
		if (result instanceof AttemptResult.Completed completed) {
			parameters.addValue("result", completed.resultJson(), Types.VARCHAR);
			return this.statements.complete();
		}
		if (result instanceof AttemptResult.Retry retry) {
			parameters.addValue("delayMs", retry.delay().toMillis());
			return this.statements.retryAttempt();
		}
		if (result instanceof AttemptResult.Failed) {
			return this.statements.fail();
		}
		if (result instanceof AttemptResult.Cancelled) {
			return this.statements.cancelAttempt();
		}
		return this.statements.handBack();
	}

	/**
	 * An attempt's fenced update, by its parameters.
	 */
	record Fenced(FinishedAttempt attempt, SqlParameterSource parameters) {

	}

	/**
	 * The error text stored with a job: the first line of the attempt's error, cleaned
	 * and bounded.
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
			return StoredText.clean((lineEnd >= 0) ? error.substring(0, lineEnd) : error, MAX_SUMMARY);
		}

	}

}
