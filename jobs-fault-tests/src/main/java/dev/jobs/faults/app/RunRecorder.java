package dev.jobs.faults.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes the suite's record of handler runs, {@code fault_runs}, on connections of its
 * own straight to the database (not through the relay, nor the application's pool), each
 * statement committed on its own, so that what the handlers did is known whatever the
 * fault does to the node's own connections. Each run has a random id, and a write that
 * fails is repeated idempotently until it succeeds, for up to a minute.
 */
@Component
class RunRecorder {

	private static final long GIVE_UP_MS = 60_000;

	private final String url;

	private final String node;

	private final boolean postgres;

	private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(64);

	RunRecorder(@Value("${fault.recorder-url}") String url, @Value("${jobs.node-name}") String node) {
		this.url = url;
		this.node = node;
		this.postgres = url.startsWith("jdbc:postgresql:");
	}

	String started(String jobId, int attempt) {
		String run = UUID.randomUUID().toString();
		String insert = (this.postgres
				? "INSERT INTO fault_runs (run_id, job_id, node, attempt, started_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
				: "INSERT IGNORE INTO fault_runs (run_id, job_id, node, attempt, started_ms) VALUES (?, ?, ?, ?, ?)");
		long now = System.currentTimeMillis();
		write(insert, run, jobId, this.node, attempt, now);
		return run;
	}

	void ended(String run) {
		write("UPDATE fault_runs SET ended_ms = ? WHERE run_id = ?", System.currentTimeMillis(), run);
	}

	private void write(String sql, Object... values) {
		long deadline = System.currentTimeMillis() + GIVE_UP_MS;
		// an interrupted run still gets its record; the handler sees the interrupt after
		boolean interrupted = Thread.interrupted();
		try {
			while (!tryWrite(deadline, sql, values)) {
				interrupted |= pause();
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private boolean tryWrite(long deadline, String sql, Object... values) {
		Connection connection = null;
		try {
			connection = connection();
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (int i = 0; i < values.length; i++) {
					statement.setObject(i + 1, values[i]);
				}
				statement.executeUpdate();
			}
			if (!this.idle.offer(connection)) {
				connection.close();
			}
			return true;
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			if (System.currentTimeMillis() > deadline) {
				throw new IllegalStateException("Could not record a run in fault_runs: " + ex.getMessage(), ex);
			}
			return false;
		}
	}

	private Connection connection() throws SQLException {
		Connection connection = this.idle.poll();
		if (connection != null && connection.isValid(2)) {
			return connection;
		}
		closeQuietly(connection);
		return DriverManager.getConnection(this.url);
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// already broken
			}
		}
	}

	private static boolean pause() {
		try {
			Thread.sleep(100);
			return false;
		}
		catch (InterruptedException ex) {
			return true;
		}
	}

}
