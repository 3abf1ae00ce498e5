package dev.jobs.store.jdbc;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;

import dev.jobs.store.StoreFailures;
import dev.jobs.support.BackgroundThreads;

/**
 * Keeps the job table's planner statistics fresh enough for the claim, where the database
 * plans from them (PostgreSQL, {@code StatisticsUpkeep.PG_ANALYZE}). Without statistics,
 * as on a new table or after a burst of enqueues that autovacuum has not caught up with,
 * the planner may sort every pending row instead of reading the claim index in order,
 * which makes each claim a hundred times slower. At most once a second, when a claim is
 * about to run, it has a daemon thread ({@code jobs-statistics}, which exists only while
 * it works) read how many rows changed since the table was last analyzed and analyze it
 * when that is over 1,000 rows and a fifth of the table. The claim does not wait for it:
 * an {@code ANALYZE} takes tens of milliseconds of a table with many changed rows, and a
 * claim in the meantime plans from the statistics as they were. A transient failure (the
 * connection, a lock) only skips that refresh; if the statistics cannot be read or the
 * table cannot be analyzed (not its owner), it says so once and stops trying.
 */
final class AnalyzedClaimStatistics implements ClaimStatistics {

	private static final Log logger = LogFactory.getLog(AnalyzedClaimStatistics.class);

	private static final long CHECK_INTERVAL_NANOS = 1_000_000_000L;

	private static final long MIN_CHANGES = 1000;

	private final JdbcAccess access;

	private final String staleness;

	private final String analyze;

	private final Executor refresher;

	private final AtomicBoolean refreshing = new AtomicBoolean();

	private volatile boolean enabled;

	private long nextCheck = System.nanoTime();

	AnalyzedClaimStatistics(JdbcAccess access) {
		this.access = access;
		// one row of two numbers: the rows changed since the table was last analyzed and
		// the rows it had then (negative if it never was)
		this.staleness = "SELECT s.n_mod_since_analyze, c.reltuples FROM pg_stat_user_tables s"
				+ " JOIN pg_class c ON c.oid = s.relid WHERE s.relid = CAST(:table AS regclass)";
		// SKIP_LOCKED: when another node analyzes the table, this one need not
		this.analyze = "ANALYZE (SKIP_LOCKED) " + access.tables().job();
		this.enabled = true;
		this.refresher = BackgroundThreads.onDemand("jobs-statistics");
	}

	/**
	 * Have the job table analyzed in the background if the last check was a second ago or
	 * more, no earlier refresh is still at work, and its statistics are stale. Returns at
	 * once.
	 */
	@Override
	public void refreshIfStale() {
		if (!this.enabled || !isCheckDue() || !this.refreshing.compareAndSet(false, true)) {
			return;
		}
		try {
			this.refresher.execute(this::refresh);
		}
		catch (RejectedExecutionException ex) {
			this.refreshing.set(false);
		}
	}

	private void refresh() {
		try {
			List<long[]> rows = this.access.jdbc()
				.sql(this.staleness)
				.param("table", this.access.tables().job())
				.query((rs, rowNum) -> new long[] { rs.getLong(1), (long) rs.getDouble(2) })
				.list();
			if (!rows.isEmpty() && isStale(rows.get(0)[0], rows.get(0)[1])) {
				this.access.jdbc().sql(this.analyze).update();
			}
		}
		catch (DataAccessException ex) {
			if (StoreFailures.transientReason(ex) != null) {
				logger.debug("Statistics of " + this.access.tables().job()
						+ " not refreshed this time; tried again at a later claim", ex);
				return;
			}
			this.enabled = false;
			logger.info("Statistics of " + this.access.tables().job()
					+ " are left to autovacuum: they cannot be read or refreshed here (" + ex.getMessage() + ")");
		}
		finally {
			this.refreshing.set(false);
		}
	}

	private synchronized boolean isCheckDue() {
		long now = System.nanoTime();
		if (now - this.nextCheck < 0) {
			return false;
		}
		this.nextCheck = now + CHECK_INTERVAL_NANOS;
		return true;
	}

	static boolean isStale(long changedSinceAnalyze, long rowsWhenAnalyzed) {
		return changedSinceAnalyze > MIN_CHANGES && changedSinceAnalyze * 5 > Math.max(0, rowsWhenAnalyzed);
	}

}
