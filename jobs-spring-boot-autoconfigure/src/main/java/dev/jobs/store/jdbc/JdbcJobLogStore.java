package dev.jobs.store.jdbc;

import java.util.ArrayList;
import java.util.List;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.jobs.JobId;
import dev.jobs.JobLogLine;
import dev.jobs.store.JobLogPosition;
import dev.jobs.store.JobLogStore;

/**
 * Keeps job log lines in the {@code job_log} table. Lines are written in one batch in a
 * new transaction, so that a handler's own transaction, should one surround the write,
 * neither holds them back nor takes them along when it rolls back. Their messages are
 * cleaned and bounded ({@link StoredText}).
 */
class JdbcJobLogStore implements JobLogStore {

	private final JdbcAccess access;

	private final TransactionTemplate ownTransaction;

	private final String insert;

	/**
	 * Create the store.
	 * @param access the JDBC access
	 */
	JdbcJobLogStore(JdbcAccess access) {
		this.access = access;
		this.ownTransaction = new TransactionTemplate(access.transactions().getTransactionManager());
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.insert = "INSERT INTO " + access.tables().jobLog()
				+ " (job_id, seq, attempt, logged_at, level, message) VALUES (?, ?, ?, ?, ?, ?)";
	}

	@Override
	public JobLogPosition position(JobId id) {
		return this.ownTransaction.execute((status) -> this.access.jdbc()
			.sql("SELECT COALESCE(MAX(seq), 0) AS last_seq, COUNT(CASE WHEN level <> '" + JobLogLine.DROPPED
					+ "' THEN 1 END) AS line_count FROM " + this.access.tables().jobLog() + " WHERE job_id = :id")
			.param("id", this.access.dialect().bind(id))
			.query((rs, rowNum) -> new JobLogPosition(rs.getInt("last_seq"), rs.getInt("line_count")))
			.optional()
			.orElse(JobLogPosition.EMPTY));
	}

	@Override
	public void append(JobId id, int firstSequence, List<JobLogLine> lines) {
		if (lines.isEmpty()) {
			return;
		}
		Object jobId = this.access.dialect().bind(id);
		List<Object[]> rows = new ArrayList<>(lines.size());
		for (int i = 0; i < lines.size(); i++) {
			JobLogLine line = lines.get(i);
			rows.add(new Object[] { jobId, firstSequence + i, line.attempt(),
					this.access.dialect().bind(line.loggedAt()), line.level(),
					StoredText.clean(line.message(), MAX_MESSAGE_LENGTH) });
		}
		this.ownTransaction
			.executeWithoutResult((status) -> this.access.named().getJdbcTemplate().batchUpdate(this.insert, rows));
	}

	@Override
	public List<JobLogLine> lines(JobId id) {
		return this.access.jdbc()
			.sql("SELECT attempt, logged_at, level, message FROM " + this.access.tables().jobLog()
					+ " WHERE job_id = :id ORDER BY seq")
			.param("id", this.access.dialect().bind(id))
			.query((rs, rowNum) -> new JobLogLine(rs.getInt("attempt"), this.access.dialect().instant(rs, "logged_at"),
					rs.getString("level"), rs.getString("message")))
			.list();
	}

}
