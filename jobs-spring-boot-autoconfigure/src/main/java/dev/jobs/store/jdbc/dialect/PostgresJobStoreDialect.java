package dev.jobs.store.jdbc.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL: {@code timestamptz} columns, {@code uuid} ids and
 * {@code ON CONFLICT DO NOTHING}, which, unlike a failed insert, does not abort the
 * caller's transaction, {@code pg_notify} to wake other nodes' workers, and table
 * statistics kept fresh for the claim's plan.
 */
public final class PostgresJobStoreDialect implements JobStoreDialect {

	@Override
	public String now() {
		return "CURRENT_TIMESTAMP";
	}

	@Override
	public String nowPlusMillis(String parameter) {
		return "(CURRENT_TIMESTAMP + :" + parameter + " * INTERVAL '1 millisecond')";
	}

	@Override
	public String insertSkippingActiveKeyConflict(String insert) {
		return insert + " ON CONFLICT (active_key) WHERE active_key IS NOT NULL DO NOTHING";
	}

	@Override
	public EnqueueNotification enqueueNotification() {
		return EnqueueNotification.PG_NOTIFY;
	}

	@Override
	public ClaimAlgorithm claimAlgorithm() {
		return ClaimAlgorithm.UPDATE_RETURNING;
	}

	@Override
	public AttemptUpdateAlgorithm attemptUpdateAlgorithm() {
		return AttemptUpdateAlgorithm.UPDATE_RETURNING;
	}

	@Override
	public StatisticsUpkeep statisticsUpkeep() {
		return StatisticsUpkeep.PG_ANALYZE;
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
