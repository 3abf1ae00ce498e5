package dev.jobs.store.jdbc.dialect;

/**
 * How the planner statistics of the job table are kept fresh for the claim, chosen by the
 * dialect ({@link JobStoreDialect#statisticsUpkeep()}).
 */
public enum StatisticsUpkeep {

	/**
	 * The database plans the claim from statistics (PostgreSQL): the store reads how
	 * stale they are from {@code pg_stat_user_tables} and runs {@code ANALYZE} when they
	 * are.
	 */
	PG_ANALYZE,

	/**
	 * The claim's plan needs no statistics; nothing is done.
	 */
	NONE

}
