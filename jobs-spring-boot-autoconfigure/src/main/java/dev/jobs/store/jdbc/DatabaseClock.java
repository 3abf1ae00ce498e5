package dev.jobs.store.jdbc;

import java.time.Instant;

/**
 * Reads the database's current instant, the one clock that decides whether a job is due
 * and whether a node is alive.
 */
final class DatabaseClock {

	private final JdbcAccess access;

	private final String sql;

	DatabaseClock(JdbcAccess access) {
		this.access = access;
		this.sql = "SELECT " + access.dialect().now() + " AS db_now";
	}

	Instant now() {
		return this.access.jdbc()
			.sql(this.sql)
			.query((rs, rowNum) -> this.access.dialect().instant(rs, "db_now"))
			.single();
	}

}
