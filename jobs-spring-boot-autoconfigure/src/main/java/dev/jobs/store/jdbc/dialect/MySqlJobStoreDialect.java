package dev.jobs.store.jdbc.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;

/**
 * MySQL 8 and MariaDB 10.6+: {@code DATETIME(6)} columns holding UTC, bound and read as
 * {@code LocalDateTime} so that neither the session nor the driver shifts them,
 * {@code UTC_TIMESTAMP(6)} as the clock, {@code CHAR(36)} ids, and
 * {@code ON DUPLICATE KEY UPDATE} as a no-op that skips a unique-key conflict.
 */
public final class MySqlJobStoreDialect implements JobStoreDialect {

	@Override
	public String now() {
		return "UTC_TIMESTAMP(6)";
	}

	@Override
	public String nowPlusMillis(String parameter) {
		return "TIMESTAMPADD(MICROSECOND, :" + parameter + " * 1000, UTC_TIMESTAMP(6))";
	}

	@Override
	public StatementSizeLimit statementSizeLimit() {
		return StatementSizeLimit.MAX_ALLOWED_PACKET;
	}

	@Override
	public String currentRead() {
		// InnoDB's consistent reads use the transaction's snapshot; a locking read sees
		// the
		// latest committed row, such as the unfinished job that holds a unique key.
		return " FOR UPDATE";
	}

	@Override
	public String insertSkippingActiveKeyConflict(String insert) {
		return insert + " ON DUPLICATE KEY UPDATE id = id";
	}

	@Override
	public @Nullable Object bind(@Nullable Instant instant) {
		return (instant != null) ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	@Override
	public @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

	@Override
	public int instantSqlType() {
		return java.sql.Types.TIMESTAMP;
	}

	@Override
	public int idSqlType() {
		return java.sql.Types.CHAR;
	}

	@Override
	public Object bind(JobId id) {
		return id.toString();
	}

	@Override
	public JobId jobId(ResultSet rs, String column) throws SQLException {
		return new JobId(UUID.fromString(rs.getString(column)));
	}

	@Override
	public String minuteOf(String column) {
		return "CAST(DATE_FORMAT(" + column + ", '%Y-%m-%d %H:%i:00') AS DATETIME(6))";
	}

}
