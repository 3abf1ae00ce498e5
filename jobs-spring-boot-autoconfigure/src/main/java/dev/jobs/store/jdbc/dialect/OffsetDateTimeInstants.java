package dev.jobs.store.jdbc.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * Binds and reads instants as {@code OffsetDateTime} in UTC, for columns of type
 * {@code TIMESTAMP WITH TIME ZONE}.
 */
final class OffsetDateTimeInstants {

	private OffsetDateTimeInstants() {
	}

	static @Nullable Object bind(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	static @Nullable Instant read(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
