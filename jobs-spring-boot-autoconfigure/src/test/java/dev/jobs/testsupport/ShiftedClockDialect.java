package dev.jobs.testsupport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;
import dev.jobs.store.jdbc.dialect.ClaimAlgorithm;
import dev.jobs.store.jdbc.dialect.HistoryPurge;
import dev.jobs.store.jdbc.dialect.JobStoreDialect;
import dev.jobs.store.jdbc.dialect.UniqueKeyConflicts;

/**
 * A dialect whose idea of the current instant is the database's shifted by a fixed
 * amount, so that nodes on one database can disagree about the time as nodes with skewed
 * clocks would. Everything else is the real dialect's.
 */
public final class ShiftedClockDialect implements JobStoreDialect {

	private static final String SHIFT = "jobs_clock_shift";

	private final JobStoreDialect dialect;

	private final long shiftMillis;

	/**
	 * A dialect whose clock runs ahead of the database's, or behind it when the shift is
	 * negative.
	 * @param dialect the real dialect
	 * @param shift how far ahead
	 */
	public ShiftedClockDialect(JobStoreDialect dialect, Duration shift) {
		this.dialect = dialect;
		this.shiftMillis = shift.toMillis();
	}

	@Override
	public String now() {
		return this.dialect.nowPlusMillis(SHIFT).replace(":" + SHIFT, "(" + this.shiftMillis + ")");
	}

	@Override
	public String nowPlusMillis(String parameter) {
		return this.dialect.nowPlusMillis(SHIFT)
			.replace(":" + SHIFT, "(:" + parameter + " + (" + this.shiftMillis + "))");
	}

	@Override
	public String forUpdateSkipLocked() {
		return this.dialect.forUpdateSkipLocked();
	}

	@Override
	public ClaimAlgorithm claimAlgorithm() {
		return this.dialect.claimAlgorithm();
	}

	@Override
	public String indexOrder(String fixedFirstColumn, String order) {
		return this.dialect.indexOrder(fixedFirstColumn, order);
	}

	@Override
	public HistoryPurge historyPurge() {
		return this.dialect.historyPurge();
	}

	@Override
	public String claimIndexHint(String claimIndex) {
		return this.dialect.claimIndexHint(claimIndex);
	}

	@Override
	public String currentRead() {
		return this.dialect.currentRead();
	}

	@Override
	public String insertSkippingActiveKeyConflict(String insert) {
		return this.dialect.insertSkippingActiveKeyConflict(insert);
	}

	@Override
	public UniqueKeyConflicts uniqueKeyConflicts() {
		return this.dialect.uniqueKeyConflicts();
	}

	@Override
	public @Nullable Object bind(@Nullable Instant instant) {
		return this.dialect.bind(instant);
	}

	@Override
	public int instantSqlType() {
		return this.dialect.instantSqlType();
	}

	@Override
	public int idSqlType() {
		return this.dialect.idSqlType();
	}

	@Override
	public @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		return this.dialect.instant(rs, column);
	}

	@Override
	public Object bind(JobId id) {
		return this.dialect.bind(id);
	}

	@Override
	public JobId jobId(ResultSet rs, String column) throws SQLException {
		return this.dialect.jobId(rs, column);
	}

}
