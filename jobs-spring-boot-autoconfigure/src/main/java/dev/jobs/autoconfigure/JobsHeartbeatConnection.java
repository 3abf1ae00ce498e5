package dev.jobs.autoconfigure;

import javax.sql.DataSource;

import dev.jobs.store.jdbc.PinnedConnectionDataSource;

/**
 * The connection that this node's heartbeats and rescue run on, kept apart from the pool
 * so that handlers that exhaust it cannot starve them. It is a bean of its own type, not
 * a {@link DataSource} bean: a second {@code DataSource} bean would make the
 * application's single-candidate injection and Boot's
 * {@code @ConditionalOnSingleCandidate(DataSource.class)} auto-configurations (JDBC
 * templates, transaction manager, Flyway, Spring Data JDBC) fail or back off.
 */
final class JobsHeartbeatConnection implements AutoCloseable {

	private final PinnedConnectionDataSource dataSource;

	JobsHeartbeatConnection(DataSource dataSource) {
		this.dataSource = new PinnedConnectionDataSource(dataSource);
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public void close() {
		this.dataSource.close();
	}

}
