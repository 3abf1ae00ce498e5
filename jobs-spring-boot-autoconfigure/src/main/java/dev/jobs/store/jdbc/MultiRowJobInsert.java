package dev.jobs.store.jdbc;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.SqlParameterValue;

import dev.jobs.store.NewJob;

/**
 * Inserts many jobs with few statements: up to {@link #ROWS_PER_STATEMENT} rows in one
 * multi-row {@code INSERT ... VALUES (...), (...)} with positional parameters, which the
 * database executes as one statement rather than one per row. Conflicts on the active key
 * are skipped as the dialect skips them for a single row; a statement whose jobs have no
 * unique key, and so no conflict to skip, is a plain insert.
 */
final class MultiRowJobInsert {

	static final int ROWS_PER_STATEMENT = 100;

	private final JdbcAccess access;

	private final String head;

	private final String rowAt;

	private final String rowAfterDelay;

	MultiRowJobInsert(JdbcAccess access) {
		this.access = access;
		this.head = "INSERT INTO " + access.tables().job() + " (" + JobColumns.INSERTED + ") VALUES ";
		String row = "(?, ?, ?, 'PENDING', ?, ?, ?, ?, 0, ?, 0, ?, ?, ?, ?, ?, 0, FALSE, " + access.dialect().now()
				+ ", ";
		this.rowAt = row + "?)";
		this.rowAfterDelay = row + access.dialect().nowPlusMillis("delayMs").replace(":delayMs", "?") + ")";
	}

	/**
	 * Insert jobs, all with a run time or all with a delay.
	 * @param jobs the jobs
	 * @param at whether they have a run time rather than a delay
	 */
	void insert(List<NewJob> jobs, boolean at) {
		for (int from = 0; from < jobs.size(); from += ROWS_PER_STATEMENT) {
			List<NewJob> chunk = jobs.subList(from, Math.min(jobs.size(), from + ROWS_PER_STATEMENT));
			StringBuilder sql = new StringBuilder(this.head);
			List<Object> arguments = new ArrayList<>(chunk.size() * 13);
			for (int i = 0; i < chunk.size(); i++) {
				sql.append((i > 0) ? ", " : "").append(at ? this.rowAt : this.rowAfterDelay);
				addArguments(chunk.get(i), at, arguments);
			}
			boolean keyed = chunk.stream().anyMatch((job) -> job.uniqueKey() != null);
			this.access.jdbc()
				.sql(keyed ? this.access.dialect().insertSkippingActiveKeyConflict(sql.toString()) : sql.toString())
				.params(arguments)
				.update();
		}
	}

	private void addArguments(NewJob job, boolean at, List<Object> arguments) {
		arguments.add(this.access.dialect().bind(job.id()));
		arguments.add(job.name());
		arguments.add(job.queue());
		arguments.add(job.priority().rank());
		arguments.add(new SqlParameterValue(Types.VARCHAR, job.payloadJson()));
		arguments.add(new SqlParameterValue(Types.VARCHAR, job.uniqueKey()));
		arguments.add(new SqlParameterValue(Types.VARCHAR, job.uniqueKey()));
		arguments.add(job.maxAttempts());
		arguments.add(job.timeout().toMillis());
		arguments.add(job.backoff().delay().toMillis());
		arguments.add(job.backoff().multiplier());
		arguments.add(job.backoff().maxDelay().toMillis());
		arguments.add(job.backoff().jitter());
		arguments.add(at ? this.access.dialect().bind(job.runAt()) : job.delay().toMillis());
	}

}
