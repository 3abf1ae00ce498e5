package dev.jobs.store.jdbc;

import java.util.List;

import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import dev.jobs.store.AttemptRecorder;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.FinishedAttempt;

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
 * and keeps the attempts that match, then updates those ({@link AttemptUpdates}, as the
 * dialect's {@code AttemptUpdateAlgorithm} says).
 *
 * <p>
 * A result larger than the database takes in one statement is refused before anything is
 * sent ({@link ResultSizeGuard}).
 */
class JdbcAttemptRecorder implements AttemptRecorder {

	private final JdbcAccess access;

	private final ExecutionWriter executions;

	private final JobStatements statements;

	private final AttemptEnds ends;

	private final AttemptUpdates updates;

	private final ResultSizeGuard resultSizes;

	/**
	 * Create a recorder.
	 * @param access the JDBC access
	 */
	JdbcAttemptRecorder(JdbcAccess access) {
		this.access = access;
		this.executions = new ExecutionWriter(access);
		this.statements = new JobStatements(access.dialect(), access.tables());
		this.ends = new AttemptEnds(access, this.statements);
		this.updates = AttemptUpdates.of(this.ends);
		this.resultSizes = new ResultSizeGuard(access);
	}

	@Override
	public List<FinishedAttempt> recordAll(List<FinishedAttempt> attempts) {
		if (attempts.isEmpty()) {
			return List.of();
		}
		this.resultSizes.check(attempts);
		return this.access.inTransaction(() -> {
			List<FinishedAttempt> owned = this.updates.update(attempts);
			this.executions.insertAll(owned);
			return owned;
		});
	}

	@Override
	public boolean progress(ClaimedJob job, int percent) {
		return this.access.named()
			.update(this.statements.progress(), this.ends.fenced(job).addValue("progress", percent)) > 0;
	}

	@Override
	public void started(List<ClaimedJob> jobs) {
		if (jobs.isEmpty()) {
			return;
		}
		SqlParameterSource[] parameters = jobs.stream().map(this.ends::fenced).toArray(SqlParameterSource[]::new);
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

}
