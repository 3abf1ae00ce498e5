package dev.jobs.faults.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A private database server instance that the suite starts, faults and stops on its own,
 * never the machine's shared one.
 */
public abstract class FaultDatabase implements AutoCloseable {

	/** The user the nodes connect as, so that their connections can be told apart. */
	static final String NODE_USER = "node";

	/** The database the nodes and the suite use. */
	static final String DATABASE = "jobs";

	/**
	 * Start a private instance of the given kind and create the suite's database in it.
	 * @param kind the kind
	 * @return the running instance
	 */
	public static FaultDatabase start(Kind kind) {
		FaultDatabase database = (kind == Kind.POSTGRES) ? new PrivatePostgres() : new PrivateMariaDb();
		Cleanup.register(database);
		database.startServer();
		database.createDatabase();
		return database;
	}

	/**
	 * The kind of this instance.
	 * @return the kind
	 */
	public abstract Kind kind();

	private final int port = Shell.freePort();

	/**
	 * The port the server listens on, a free one taken when the instance is made.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The JDBC URL for nodes, as the user {@value #NODE_USER}, through the given port
	 * (the server's or a relay's).
	 * @param port the port
	 * @return the URL
	 */
	public abstract String nodeUrl(int port);

	/**
	 * The JDBC URL of the superuser, straight to the server.
	 * @return the URL
	 */
	public abstract String adminUrl();

	/**
	 * Kill every connection of the nodes' user.
	 * @return how many were killed
	 */
	public abstract int killNodeConnections();

	/**
	 * Stop the server at once, as a crash does.
	 */
	public abstract void crash();

	/**
	 * Start the server again after {@link #crash()}, on the same port with the same data.
	 */
	public abstract void startAgain();

	/**
	 * An SQL condition that holds when the timestamp column {@code heartbeat_at} is less
	 * than the given number of milliseconds old.
	 * @param ms the age
	 * @return the condition
	 */
	public abstract String heartbeatYoungerThan(long ms);

	abstract void startServer();

	@Override
	public abstract void close();

	abstract String createStatements();

	/**
	 * A new connection of the superuser.
	 * @return the connection
	 * @throws SQLException if it cannot connect
	 */
	public Connection admin() throws SQLException {
		return DriverManager.getConnection(adminUrl());
	}

	private void createDatabase() {
		try (Connection connection = DriverManager.getConnection(serverAdminUrl());
				Statement statement = connection.createStatement()) {
			for (String sql : createStatements().split(";\n")) {
				if (!sql.isBlank()) {
					statement.execute(sql);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the suite's database: " + ex.getMessage(), ex);
		}
		try (Connection connection = admin(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE fault_runs (run_id VARCHAR(36) NOT NULL PRIMARY KEY, "
					+ "job_id VARCHAR(36) NOT NULL, node VARCHAR(100) NOT NULL, attempt INT NOT NULL, "
					+ "started_ms BIGINT NOT NULL, ended_ms BIGINT)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create fault_runs: " + ex.getMessage(), ex);
		}
	}

	abstract String serverAdminUrl();

	void awaitAccepting(String url, long timeoutMs) {
		long deadline = System.currentTimeMillis() + timeoutMs;
		SQLException last = null;
		while (System.currentTimeMillis() < deadline) {
			try (Connection connection = DriverManager.getConnection(url)) {
				return;
			}
			catch (SQLException ex) {
				last = ex;
				Shell.sleep(100);
			}
		}
		throw new IllegalStateException(kind() + " instance did not accept connections within " + timeoutMs + " ms: "
				+ ((last != null) ? last.getMessage() : ""));
	}

	/**
	 * The database servers the suite can start.
	 */
	public enum Kind {

		/** PostgreSQL, from /usr/lib/postgresql/(version)/bin. */
		POSTGRES,

		/** MariaDB, from mariadb-install-db and mariadbd. */
		MARIADB

	}

}
