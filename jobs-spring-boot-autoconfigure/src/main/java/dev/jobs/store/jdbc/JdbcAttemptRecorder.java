package dev.jobs.store.jdbc;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import dev.jobs.JobId;
import dev.jobs.store.AttemptRecorder;
import dev.jobs.store.AttemptResult;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.FinishedAttempt;
import dev.jobs.store.jdbc.postgresql.AttemptArrays;

/**
 * Records the ends of attempts, a batch in one transaction: it updates the rows of the
 * attempts whose job is still running under the same {@code owner} and {@code fence} as
 * when it was claimed (plain completions in one statement, the others in a JDBC batch)
 * and inserts their execution rows in multi-row statements. An attempt whose row no
 * longer matches belongs to a node that lost the job (it was rescued, and maybe claimed
 * again), so nothing is written for it.
 *
 * <p>
 * An attempt that would put its job back in line (a retry, or a hand-back) is recorded as
 * a cancellation instead when the job's cancel was requested while it ran: its row is
 * locked first, so that a cancel cannot slip in between, and a cancelled job never starts
 * again. A handed-back job keeps its due time, and so its place in line.
 *
 * <p>
 * Where an update can return the rows it changed (PostgreSQL), each update carries the
 * match itself: the plain completions' statement returns the attempts it matched and the
 * batch's counts tell the others. Elsewhere the recorder first locks the rows in id order
 * and keeps the attempts that match, then updates those.
 */
public class JdbcAttemptRecorder implements AttemptRecorder {

	private final JdbcAccess access;

	private final ExecutionWriter executions;

	private final JobStatements statements;

	private final @Nullable String completeReturning;

	/**
	 * Create a recorder.
	 * @param access the JDBC access
	 */
	public JdbcAttemptRecorder(JdbcAccess access) {
		this.access = access;
		this.executions = new ExecutionWriter(access);
		this.statements = new JobStatements(access.dialect(), access.tables());
		this.completeReturning = access.dialect()
			.fencedUpdateReturning(access.tables().job(), this.statements.plainCompletion());
	}

	@Override
	public List<FinishedAttempt> recordAll(List<FinishedAttempt> attempts) {
		if (attempts.isEmpty()) {
			return List.of();
		}
		return this.access.inTransaction(() -> {
			List<FinishedAttempt> owned = (this.completeReturning != null)
					? updateOwned(cancelledWhereRequested(attempts), this.completeReturning) : updateLocked(attempts);
			this.executions.insertAll(owned);
			return owned;
		});
	}

	/**
	 * Update the rows of the attempts that still own their job, each update matching
	 * owner and fence itself.
	 */
	private List<FinishedAttempt> updateOwned(List<FinishedAttempt> attempts, String completeReturning) {
		Set<Attempt> updated = new HashSet<>();
		List<FinishedAttempt> plain = attempts.stream().filter(JdbcAttemptRecorder::isPlainCompletion).toList();
		if (!plain.isEmpty()) {
			updated.addAll(completeAll(plain, completeReturning));
		}
		fencedBatches(attempts).forEach((sql, batch) -> {
			int[] counts = update(sql, batch);
			for (int i = 0; i < counts.length; i++) {
				if (counts[i] > 0) {
					updated.add(Attempt.of(batch.get(i).attempt()));
				}
			}
		});
		return attempts.stream().filter((attempt) -> updated.contains(Attempt.of(attempt))).toList();
	}

	/**
	 * Lock the rows of the attempts that would put their job back in line, and record
	 * those whose cancel was requested as cancellations.
	 */
	private List<FinishedAttempt> cancelledWhereRequested(List<FinishedAttempt> attempts) {
		List<Object> ids = new ArrayList<>();
		for (FinishedAttempt attempt : attempts) {
			if (putsBackInLine(attempt)) {
				ids.add(this.access.dialect().bind(attempt.id()));
			}
		}
		if (ids.isEmpty()) {
			return attempts;
		}
		Set<JobId> cancelRequested = new HashSet<>();
		this.access.jdbc().sql(this.statements.lockForCancelCheck()).param("ids", ids).query((rs) -> {
			if (rs.getBoolean("cancel_requested")) {
				cancelRequested.add(this.access.dialect().jobId(rs, "id"));
			}
		});
		return attempts.stream()
			.map((attempt) -> cancelRequested.contains(attempt.id()) ? cancelled(attempt) : attempt)
			.toList();
	}

	private static boolean putsBackInLine(FinishedAttempt attempt) {
		return attempt.result() instanceof AttemptResult.Retry || attempt.result() instanceof AttemptResult.HandedBack;
	}

	private static FinishedAttempt cancelled(FinishedAttempt attempt) {
		String error = "Cancelled while attempt " + attempt.job().attempt() + " ran; it ended "
				+ attempt.result().outcome() + ": " + attempt.result().error();
		return new FinishedAttempt(attempt.job(), new AttemptResult.Cancelled(error), attempt.durationMillis());
	}

	private List<Attempt> completeAll(List<FinishedAttempt> attempts, String completeReturning) {
		Object[] ids = new Object[attempts.size()];
		Long[] fences = new Long[attempts.size()];
		String[] owners = new String[attempts.size()];
		for (int i = 0; i < ids.length; i++) {
			ClaimedJob job = attempts.get(i).job();
			ids[i] = this.access.dialect().bind(job.id());
			fences[i] = job.fence();
			owners[i] = job.owner();
		}
		return this.access.named()
			.getJdbcOperations()
			.query(AttemptArrays.bind(completeReturning, ids, fences, owners),
					(rs, rowNum) -> new Attempt(this.access.dialect().jobId(rs, "id"), rs.getLong("fence")));
	}

	/**
	 * Lock the rows first and keep the attempts that still own their job, then update
	 * those.
	 */
	private List<FinishedAttempt> updateLocked(List<FinishedAttempt> attempts) {
		List<FinishedAttempt> owned = lockOwned(attempts);
		List<Object> plainCompletions = new ArrayList<>();
		for (FinishedAttempt attempt : owned) {
			if (isPlainCompletion(attempt)) {
				plainCompletions.add(this.access.dialect().bind(attempt.id()));
			}
		}
		if (!plainCompletions.isEmpty()) {
			this.access.jdbc().sql(this.statements.completeByIds()).param("ids", plainCompletions).update();
		}
		fencedBatches(owned).forEach(this::update);
		return owned;
	}

	private int[] update(String sql, List<Fenced> batch) {
		return this.access.named()
			.batchUpdate(sql, batch.stream().map(Fenced::parameters).toArray(SqlParameterSource[]::new));
	}

	private static boolean isPlainCompletion(FinishedAttempt attempt) {
		return attempt.result() instanceof AttemptResult.Completed completed && completed.resultJson() == null;
	}

	/**
	 * The fenced updates of the attempts other than plain completions, by statement.
	 */
	private Map<String, List<Fenced>> fencedBatches(List<FinishedAttempt> attempts) {
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

	/**
	 * Lock the rows of the attempts, in id order, and keep the attempts whose job is
	 * still running under the same owner and fencing token.
	 */
	private List<FinishedAttempt> lockOwned(List<FinishedAttempt> attempts) {
		List<Object> ids = new ArrayList<>(attempts.size());
		for (FinishedAttempt attempt : attempts) {
			ids.add(this.access.dialect().bind(attempt.id()));
		}
		Map<JobId, Claim> claims = new HashMap<>();
		this.access.jdbc().sql(this.statements.lockRunning()).param("ids", ids).query((rs) -> {
			claims.put(this.access.dialect().jobId(rs, "id"),
					new Claim(rs.getString("owner"), rs.getLong("fence"), rs.getBoolean("cancel_requested")));
		});
		return attempts.stream().filter((attempt) -> {
			Claim claim = claims.get(attempt.id());
			return claim != null && claim.fence() == attempt.job().fence()
					&& attempt.job().owner().equals(claim.owner());
		})
			.map((attempt) -> (putsBackInLine(attempt) && claims.get(attempt.id()).cancelRequested())
					? cancelled(attempt) : attempt)
			.toList();
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

	@Override
	public boolean progress(ClaimedJob job, int percent) {
		return this.access.named().update(this.statements.progress(), fenced(job).addValue("progress", percent)) > 0;
	}

	@Override
	public void started(List<ClaimedJob> jobs) {
		if (jobs.isEmpty()) {
			return;
		}
		SqlParameterSource[] parameters = jobs.stream().map(this::fenced).toArray(SqlParameterSource[]::new);
		this.access.inTransaction(() -> this.access.named().batchUpdate(this.statements.markStarted(), parameters));
	}

	@Override
	public List<ClaimedJob> running(String owner) {
		return this.access.jdbc()
			.sql(this.statements.running())
			.param("owner", owner)
			.query(JobRowMapper.claimedByUpdate(this.access.dialect(), owner))
			.list();
	}

	private MapSqlParameterSource fenced(ClaimedJob job) {
		return new MapSqlParameterSource("id", this.access.dialect().bind(job.id())).addValue("owner", job.owner())
			.addValue("fence", job.fence());
	}

	private record Claim(@Nullable String owner, long fence, boolean cancelRequested) {

	}

	private record Fenced(FinishedAttempt attempt, SqlParameterSource parameters) {

	}

	/**
	 * One attempt of a job: a fencing token is given to one claim of the job only.
	 */
	private record Attempt(JobId id, long fence) {

		static Attempt of(FinishedAttempt attempt) {
			return new Attempt(attempt.id(), attempt.job().fence());
		}

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
