package dev.jobs.store.jdbc.dialect;

/**
 * How large a statement the database takes, chosen by the dialect
 * ({@link JobStoreDialect#statementSizeLimit()}). A database that drops the connection of
 * a statement beyond its limit, rather than failing the statement, has the store refuse
 * such a value before it is sent.
 */
public enum StatementSizeLimit {

	/**
	 * MySQL and MariaDB: a statement may be at most {@code max_allowed_packet} bytes, and
	 * the server resets the connection of a larger one.
	 */
	MAX_ALLOWED_PACKET,

	/**
	 * No limit that a job's result could reach.
	 */
	NONE

}
