package dev.jobs.store.jdbc.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * H2: {@code TIMESTAMP WITH TIME ZONE} columns and {@code UUID} ids. H2 has no insert
 * that skips a conflict outside its PostgreSQL mode, so the store catches the failed
 * insert; a failed statement does not abort an H2 transaction. A locking read locks every
 * row its condition matches before it applies its limit, so the claim and the purge of
 * the history read their rows' ids without locks, then lock those rows by id.
 */
public final class H2JobStoreDialect implements JobStoreDialect {

	@Override
	public String now() {
		return "CURRENT_TIMESTAMP";
	}

	@Override
	public String nowPlusMillis(String parameter) {
		return "DATEADD(MILLISECOND, :" + parameter + ", CURRENT_TIMESTAMP)";
	}

	@Override
	public String claimIndexHint(String claimIndex) {
		// H2 prefers the name index for "name IN (...)" and then sorts every pending job
		return " USE INDEX (" + claimIndex + ")";
	}

	@Override
	public String indexOrder(String fixedFirstColumn, String order) {
		return fixedFirstColumn + ", " + order;
	}

	@Override
	public ClaimAlgorithm claimAlgorithm() {
		return ClaimAlgorithm.LOCK_CANDIDATES_BY_ID;
	}

	@Override
	public HistoryPurge historyPurge() {
		return HistoryPurge.LOCK_CANDIDATES_BY_ID;
	}

	@Override
	public String insertSkippingActiveKeyConflict(String insert) {
		return insert;
	}

	@Override
	public UniqueKeyConflicts uniqueKeyConflicts() {
		return UniqueKeyConflicts.CAUGHT;
	}

	@Override
	public @Nullable Object bind(@Nullable Instant instant) {
		return OffsetDateTimeInstants.bind(instant);
	}

	@Override
	public @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		return OffsetDateTimeInstants.read(rs, column);
	}

}
