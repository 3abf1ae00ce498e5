package dev.jobs.store.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.jobs.JobsException;

/**
 * A database-wide lock that nodes take around the whole of a schema migration, so that
 * one node migrates while the others wait and then find nothing left to do.
 *
 * <p>
 * Flyway's own lock is not enough: it locks the history table only once that table
 * exists. Nodes that start together on a schema without it each see no history table; one
 * that then finds the schema no longer empty (another node has just created the table or
 * applied a migration) baselines it and fails with "Unable to baseline schema history
 * table ... as it already contains migrations". So the lock is taken before Flyway looks
 * at anything: a session-level advisory lock on PostgreSQL, a named lock
 * ({@code GET_LOCK}) on MySQL and MariaDB, each on a connection of its own that is held
 * for the migration (the pool needs one connection more than Flyway uses), and a lock in
 * this JVM on H2, whose embedded databases have no such lock and are mostly used by one
 * JVM. The lock's key is derived from the database, the schema and the history table, so
 * unrelated schemas and table prefixes do not wait for each other.
 */
final class SchemaMigrationLock {

	private static final Log logger = LogFactory.getLog(SchemaMigrationLock.class);

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private static final ReentrantLock h2Lock = new ReentrantLock();

	private final DataSource dataSource;

	private final SchemaVendor vendor;

	private final String historyTable;

	SchemaMigrationLock(DataSource dataSource, SchemaVendor vendor, String historyTable) {
		this.dataSource = dataSource;
		this.vendor = vendor;
		this.historyTable = historyTable;
	}

	/**
	 * Run work while holding the lock.
	 * @param <T> the result type
	 * @param work the work
	 * @return its result
	 * @throws JobsException if the lock cannot be taken in time
	 */
	<T> T run(Supplier<T> work) {
		if (this.vendor == SchemaVendor.H2) {
			return runInThisJvm(work);
		}
		try (Connection connection = this.dataSource.getConnection()) {
			String key = key(connection);
			acquire(connection, key);
			try {
				return work.get();
			}
			finally {
				release(connection, key);
			}
		}
		catch (SQLException ex) {
			throw new JobsException("Could not lock the jobs schema (history table " + this.historyTable
					+ ") for its migration: " + ex.getMessage(), ex);
		}
	}

	private <T> T runInThisJvm(Supplier<T> work) {
		try {
			if (!h2Lock.tryLock(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw timedOut();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new JobsException("Interrupted while waiting to migrate the jobs schema", ex);
		}
		try {
			return work.get();
		}
		finally {
			h2Lock.unlock();
		}
	}

	private String key(Connection connection) throws SQLException {
		String scope = connection.getCatalog() + "." + connection.getSchema() + "." + this.historyTable;
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8));
			// MySQL lock names have at most 64 characters; PostgreSQL keys are a bigint
			return (this.vendor == SchemaVendor.POSTGRESQL) ? Long.toString(ByteBuffer.wrap(digest).getLong())
					: "jobs_schema_" + HexFormat.of().formatHex(digest, 0, 20);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void acquire(Connection connection, String key) throws SQLException {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		boolean logged = false;
		while (!tryAcquire(connection, key)) {
			if (System.nanoTime() - deadline > 0) {
				throw timedOut();
			}
			if (!logged) {
				logger.info("Waiting for another node to finish migrating the jobs schema (history table "
						+ this.historyTable + ")");
				logged = true;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new JobsException("Interrupted while waiting to migrate the jobs schema", ex);
			}
		}
	}

	private boolean tryAcquire(Connection connection, String key) throws SQLException {
		if (this.vendor == SchemaVendor.POSTGRESQL) {
			return queryBoolean(connection, "SELECT pg_try_advisory_lock(?)", Long.parseLong(key));
		}
		// waits on the server for up to a second, then returns 0
		return queryBoolean(connection, "SELECT GET_LOCK(?, 1)", key);
	}

	private void release(Connection connection, String key) {
		try {
			if (this.vendor == SchemaVendor.POSTGRESQL) {
				queryBoolean(connection, "SELECT pg_advisory_unlock(?)", Long.parseLong(key));
			}
			else {
				queryBoolean(connection, "SELECT RELEASE_LOCK(?)", key);
			}
		}
		catch (SQLException ex) {
			// the lock lives as long as the session: end it rather than hand a connection
			// that still holds the lock back to the pool
			logger.warn("Could not release the jobs schema lock; closing its connection instead", ex);
			try {
				connection.abort(Runnable::run);
			}
			catch (SQLException | RuntimeException abortFailure) {
				ex.addSuppressed(abortFailure);
			}
		}
	}

	private static boolean queryBoolean(Connection connection, String sql, Object parameter) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, parameter);
			try (ResultSet result = statement.executeQuery()) {
				// GET_LOCK returns 1, 0 or NULL, which reads as false
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private JobsException timedOut() {
		return new JobsException("Timed out after " + TIMEOUT.toMinutes()
				+ " minutes waiting for the lock on the jobs schema (history table " + this.historyTable
				+ "), which another node holds while it migrates the schema");
	}

}
