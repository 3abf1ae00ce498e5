package dev.jobs.store.jdbc.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;

/**
 * What differs between databases in the SQL of the job store: the database clock, how
 * instants and ids are bound and read, row locking, inserts that skip a unique-key
 * conflict, and the algorithms the store takes where the databases differ beyond a
 * clause: the claim, the ends of attempts, the purge of the history, notifications of
 * enqueued jobs and the upkeep of the claim's planner statistics.
 */
public interface JobStoreDialect {

	/**
	 * The SQL expression of the database's current instant.
	 * @return the expression
	 */
	String now();

	/**
	 * The SQL expression of the database's current instant plus a number of milliseconds
	 * given by a named parameter.
	 * @param parameter the parameter name, without the colon
	 * @return the expression
	 */
	String nowPlusMillis(String parameter);

	/**
	 * The clause that locks the selected rows and skips rows locked by others.
	 * @return the clause, with a leading space
	 */
	default String forUpdateSkipLocked() {
		return " FOR UPDATE SKIP LOCKED";
	}

	/**
	 * The {@code ORDER BY} list of a read that wants an index's order, where the read's
	 * condition fixes the index's first column by an equality. Most databases read such
	 * an index in the order of its remaining columns; H2 does so only for an order that
	 * starts with the index's first column, so its dialect names that column too.
	 * @param fixedFirstColumn the index's first column, fixed by the read's condition
	 * @param order the order of the index's remaining columns
	 * @return the {@code ORDER BY} list
	 */
	default String indexOrder(String fixedFirstColumn, String order) {
		return order;
	}

	/**
	 * The SQL expression of an instant column truncated to its minute.
	 * @param column the column
	 * @return the expression, of the column's type
	 */
	default String minuteOf(String column) {
		return "DATE_TRUNC('MINUTE', " + column + ")";
	}

	/**
	 * How this database claims due jobs.
	 * @return {@link ClaimAlgorithm#LOCKING_SELECT}, unless the dialect says otherwise
	 */
	default ClaimAlgorithm claimAlgorithm() {
		return ClaimAlgorithm.LOCKING_SELECT;
	}

	/**
	 * How this database selects the expired jobs that the history's purge deletes.
	 * @return {@link HistoryPurge#LOCKING_SELECT}, unless the dialect says otherwise
	 */
	default HistoryPurge historyPurge() {
		return HistoryPurge.LOCKING_SELECT;
	}

	/**
	 * A hint, placed after the table name of the claim query, that makes the database
	 * read the claim index, so that a claim stops after {@code limit} rows instead of
	 * sorting every pending job.
	 * @param claimIndex the name of the claim index
	 * @return the hint, with a leading space, or empty where the planner picks it anyway
	 */
	default String claimIndexHint(String claimIndex) {
		return "";
	}

	/**
	 * The suffix of a read that must see rows committed after the current transaction
	 * started.
	 * @return the suffix, with a leading space, or empty
	 */
	default String currentRead() {
		return "";
	}

	/**
	 * Insert a job, doing nothing when its {@code active_key} is held.
	 * @param insert the plain {@code INSERT INTO t (...) VALUES (...)} statement
	 * @return the statement that skips a unique-key conflict, or the plain statement
	 * where {@link #uniqueKeyConflicts()} are {@link UniqueKeyConflicts#CAUGHT caught}
	 */
	String insertSkippingActiveKeyConflict(String insert);

	/**
	 * How an insert meets a job whose unique key is held.
	 * @return {@link UniqueKeyConflicts#SKIPPED_BY_STATEMENT}, unless the dialect says
	 * otherwise
	 */
	default UniqueKeyConflicts uniqueKeyConflicts() {
		return UniqueKeyConflicts.SKIPPED_BY_STATEMENT;
	}

	/**
	 * How the planner statistics of the job table are kept fresh for the claim.
	 * @return {@link StatisticsUpkeep#NONE}, unless the dialect says otherwise
	 */
	default StatisticsUpkeep statisticsUpkeep() {
		return StatisticsUpkeep.NONE;
	}

	/**
	 * How large a statement this database takes.
	 * @return {@link StatementSizeLimit#NONE}, unless the dialect says otherwise
	 */
	default StatementSizeLimit statementSizeLimit() {
		return StatementSizeLimit.NONE;
	}

	/**
	 * How this database tells other nodes of enqueued jobs.
	 * @return {@link EnqueueNotification#NONE}, unless the dialect says otherwise
	 */
	default EnqueueNotification enqueueNotification() {
		return EnqueueNotification.NONE;
	}

	/**
	 * How this database records the ends of attempts.
	 * @return {@link AttemptUpdateAlgorithm#LOCK_THEN_UPDATE}, unless the dialect says
	 * otherwise
	 */
	default AttemptUpdateAlgorithm attemptUpdateAlgorithm() {
		return AttemptUpdateAlgorithm.LOCK_THEN_UPDATE;
	}

	/**
	 * The value to bind for an instant.
	 * @param instant the instant, or {@code null}
	 * @return the JDBC value
	 */
	@Nullable Object bind(@Nullable Instant instant);

	/**
	 * The JDBC type of an instant column, for binding {@code null}.
	 * @return the {@link java.sql.Types} constant
	 */
	default int instantSqlType() {
		return java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
	}

	/**
	 * The JDBC type of an id column, for binding {@code null}.
	 * @return the {@link java.sql.Types} constant
	 */
	default int idSqlType() {
		return java.sql.Types.OTHER;
	}

	/**
	 * Read an instant from a column.
	 * @param rs the result set
	 * @param column the column label
	 * @return the instant, or {@code null}
	 * @throws SQLException on a database error
	 */
	@Nullable Instant instant(ResultSet rs, String column) throws SQLException;

	/**
	 * The value to bind for a job id.
	 * @param id the id
	 * @return the JDBC value
	 */
	default Object bind(JobId id) {
		return id.value();
	}

	/**
	 * Read a job id from a column.
	 * @param rs the result set
	 * @param column the column label
	 * @return the id
	 * @throws SQLException on a database error
	 */
	default JobId jobId(ResultSet rs, String column) throws SQLException {
		return new JobId(rs.getObject(column, java.util.UUID.class));
	}

}
