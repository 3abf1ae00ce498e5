package dev.jobs.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import org.jspecify.annotations.Nullable;

/**
 * Binds the values of a statement with many positional parameters straight to the driver,
 * in order. Multi-row inserts bind thousands of values per statement; Spring's generic
 * parameter handling inspects and cleans up each one, which showed in the profile of a
 * bulk enqueue, while here each value's type is known where it is bound.
 */
final class PositionalParameters {

	private final PreparedStatement statement;

	private int index;

	PositionalParameters(PreparedStatement statement) {
		this.statement = statement;
	}

	PositionalParameters add(Object value) throws SQLException {
		this.statement.setObject(++this.index, value);
		return this;
	}

	PositionalParameters add(@Nullable String value) throws SQLException {
		if (value != null) {
			this.statement.setString(++this.index, value);
		}
		else {
			this.statement.setNull(++this.index, Types.VARCHAR);
		}
		return this;
	}

	PositionalParameters add(int value) throws SQLException {
		this.statement.setInt(++this.index, value);
		return this;
	}

	PositionalParameters add(long value) throws SQLException {
		this.statement.setLong(++this.index, value);
		return this;
	}

	PositionalParameters add(double value) throws SQLException {
		this.statement.setDouble(++this.index, value);
		return this;
	}

}
