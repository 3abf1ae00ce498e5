package dev.jobs.store.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.jobs.store.NewJob;

/**
 * Inserts many jobs with few statements: up to {@link #ROWS_PER_STATEMENT} rows in one
 * multi-row {@code INSERT ... VALUES (...), (...)} with positional parameters, which the
 * database executes as one statement rather than one per row. Conflicts on the active key
 * are skipped as the dialect skips them for a single row; a statement whose jobs have no
 * unique key, and so no conflict to skip, is a plain insert.
 */
final class MultiRowJobInsert {

	static final int ROWS_PER_STATEMENT = MultiRowStatement.MAX_ROWS;

	private final JdbcAccess access;

	private final MultiRowStatement insertAt;

	private final MultiRowStatement insertAfterDelay;

	MultiRowJobInsert(JdbcAccess access) {
		this.access = access;
		String head = "INSERT INTO " + access.tables().job() + " (" + JobColumns.INSERTED + ") VALUES ";
		String row = "(?, ?, ?, 'PENDING', ?, ?, ?, ?, 0, ?, 0, ?, ?, ?, ?, ?, 0, FALSE, " + access.dialect().now()
				+ ", ";
		this.insertAt = new MultiRowStatement(head, row + "?)");
		this.insertAfterDelay = new MultiRowStatement(head,
				row + access.dialect().nowPlusMillis("delayMs").replace(":delayMs", "?") + ")");
	}

	/**
	 * The statement that inserts one job, with positional parameters that
	 * {@link #bind(NewJob, boolean, PositionalParameters)} binds.
	 * @param at whether the job has a run time rather than a delay
	 * @return the SQL
	 */
	String singleRow(boolean at) {
		return (at ? this.insertAt : this.insertAfterDelay).sql(1);
	}

	/**
	 * Insert jobs: those with a run time, then those with a delay, each in the order
	 * given.
	 * @param jobs the jobs
	 */
	void insertAll(List<NewJob> jobs) {
		List<NewJob> at = new ArrayList<>();
		List<NewJob> afterDelay = new ArrayList<>();
		for (NewJob job : jobs) {
			((job.runAt() != null) ? at : afterDelay).add(job);
		}
		insert(at, true);
		insert(afterDelay, false);
	}

	/**
	 * Insert jobs, all with a run time or all with a delay.
	 * @param jobs the jobs
	 * @param at whether they have a run time rather than a delay
	 */
	void insert(List<NewJob> jobs, boolean at) {
		for (int from = 0; from < jobs.size(); from += ROWS_PER_STATEMENT) {
			List<NewJob> chunk = jobs.subList(from, Math.min(jobs.size(), from + ROWS_PER_STATEMENT));
			String sql = (at ? this.insertAt : this.insertAfterDelay).sql(chunk.size());
			boolean keyed = chunk.stream().anyMatch((job) -> job.uniqueKey() != null);
			this.access.named()
				.getJdbcOperations()
				.update(keyed ? this.access.dialect().insertSkippingActiveKeyConflict(sql) : sql, (statement) -> {
					PositionalParameters parameters = new PositionalParameters(statement);
					for (NewJob job : chunk) {
						bind(job, at, parameters);
					}
				});
		}
	}

	/**
	 * Bind the values of one job's row.
	 * @param job the job
	 * @param at whether it has a run time rather than a delay
	 * @param parameters the statement's parameters, at the row's first one
	 * @throws SQLException on a driver error
	 */
	void bind(NewJob job, boolean at, PositionalParameters parameters) throws SQLException {
		parameters.add(this.access.dialect().bind(job.id()))
			.add(job.name())
			.add(job.queue())
			.add(job.priority().rank())
			.add(job.payloadJson())
			.add(job.uniqueKey())
			.add(job.uniqueKey())
			.add(job.maxAttempts())
			.add(job.timeout().toMillis())
			.add(job.backoff().delay().toMillis())
			.add(job.backoff().multiplier())
			.add(job.backoff().maxDelay().toMillis())
			.add(job.backoff().jitter());
		if (at) {
			parameters.add(Objects.requireNonNull(this.access.dialect().bind(job.runAt())));
		}
		else {
			parameters.add(job.delay().toMillis());
		}
	}

}
