package dev.jobs.store.jdbc;

import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;

import dev.jobs.store.AttemptResult;
import dev.jobs.store.FinishedAttempt;
import dev.jobs.store.jdbc.dialect.StatementSizeLimit;

/**
 * Refuses, before it is sent, a job's result larger than the database takes in one
 * statement. MySQL and MariaDB reset the connection of a statement beyond
 * {@code max_allowed_packet}, which the store could not tell from a network failure and
 * would try again without end; refused here, the end is recorded without its result.
 */
final class ResultSizeGuard {

	/**
	 * Room left in a statement for everything but the result.
	 */
	private static final long HEADROOM = 64 * 1024;

	private final JdbcAccess access;

	private volatile long maxStatementBytes = -1;

	ResultSizeGuard(JdbcAccess access) {
		this.access = access;
	}

	/**
	 * Refuse the attempts whose result the database would not take.
	 * @param attempts the attempts to record
	 * @throws DataIntegrityViolationException naming the first attempt whose result is
	 * too large
	 */
	void check(List<FinishedAttempt> attempts) {
		if (this.access.dialect().statementSizeLimit() == StatementSizeLimit.NONE) {
			return;
		}
		for (FinishedAttempt attempt : attempts) {
			if (attempt.result() instanceof AttemptResult.Completed completed && completed.resultJson() != null) {
				check(attempt, completed.resultJson());
			}
		}
	}

	private void check(FinishedAttempt attempt, String json) {
		if (json.length() * 3L + HEADROOM <= floorOfLimit()) {
			return;
		}
		long limit = maxStatementBytes();
		long bytes = sentBytes(json);
		if (bytes + HEADROOM > limit) {
			throw new DataIntegrityViolationException("The result of attempt " + attempt.job().attempt() + " of job "
					+ attempt.id() + " takes about " + bytes + " bytes, more than the database takes in one statement"
					+ " (max_allowed_packet is " + limit + " bytes)");
		}
	}

	/**
	 * The limit when known, else the least limit MySQL allows, so that small results
	 * never need the limit queried.
	 */
	private long floorOfLimit() {
		long known = this.maxStatementBytes;
		return (known > 0) ? known : 1024 * 1024;
	}

	private long maxStatementBytes() {
		long known = this.maxStatementBytes;
		if (known <= 0) {
			Long queried = this.access.jdbc().sql("SELECT @@max_allowed_packet").query(Long.class).single();
			known = (queried != null) ? queried : Long.MAX_VALUE;
			this.maxStatementBytes = known;
		}
		return known;
	}

	/**
	 * The bytes a text takes in a statement: its UTF-8 encoding, with the characters that
	 * the driver escapes counted twice.
	 */
	private static long sentBytes(String text) {
		long bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes += (c == '\'' || c == '"' || c == '\\' || c == 0) ? 2 : 1;
			}
			else if (c < 0x800 || Character.isSurrogate(c)) {
				bytes += 2;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

}
