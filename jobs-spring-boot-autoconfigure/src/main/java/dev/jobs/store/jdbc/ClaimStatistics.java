package dev.jobs.store.jdbc;

/**
 * Keeps the planner statistics of the job table fresh enough for the claim, as the
 * dialect's {@code StatisticsUpkeep} says.
 */
interface ClaimStatistics {

	/**
	 * Have the statistics refreshed if they are due for it, without waiting for it.
	 */
	void refreshIfStale();

	/**
	 * The upkeep of the dialect's statistics.
	 * @param access the JDBC access
	 * @return the upkeep
	 */
	static ClaimStatistics of(JdbcAccess access) {
		return switch (access.dialect().statisticsUpkeep()) {
			case PG_ANALYZE -> new AnalyzedClaimStatistics(access);
			case NONE -> () -> {
			};
		};
	}

}
