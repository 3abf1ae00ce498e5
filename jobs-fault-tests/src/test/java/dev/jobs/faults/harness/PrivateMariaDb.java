package dev.jobs.faults.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB instance of the machine's installed server in a temporary directory, on a
 * free port, run as the user {@code mysql}, with no configuration file read.
 */
final class PrivateMariaDb extends FaultDatabase {

	private final String server = find("/usr/sbin/mariadbd", "/usr/bin/mariadbd");

	private final String installDb = find("/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db");

	private Path dir;

	private Process process;

	@Override
	public Kind kind() {
		return Kind.MARIADB;
	}

	@Override
	void startServer() {
		this.dir = Shell.temporaryDirectory("jobs-fault-maria-");
		Shell.run(List.of("chown", "-R", "mysql:mysql", this.dir.toString()));
		Shell.run(List.of(this.installDb, "--no-defaults", "--datadir=" + this.dir.resolve("data"), "--user=mysql",
				"--auth-root-authentication-method=normal", "--skip-test-db"));
		launch();
	}

	// innodb-flush-log-at-trx-commit=2 writes the log at each commit and flushes it once
	// a second: a crash of the server (not of the machine) loses no acknowledged commit.
	private void launch() {
		List<String> command = new ArrayList<>(
				List.of(this.server, "--no-defaults", "--datadir=" + this.dir.resolve("data"), "--port=" + port(),
						"--bind-address=127.0.0.1", "--socket=" + this.dir.resolve("mysqld.sock"),
						"--pid-file=" + this.dir.resolve("mysqld.pid"), "--log-error=" + this.dir.resolve("error.log"),
						"--user=mysql", "--skip-log-bin", "--innodb-flush-log-at-trx-commit=2",
						"--innodb-buffer-pool-size=128M", "--max-connections=500", "--innodb-lock-wait-timeout=10"));
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.dir.resolve("stdout.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + this.server + ": " + ex.getMessage(), ex);
		}
		awaitAccepting(serverAdminUrl(), 60_000);
	}

	@Override
	String createStatements() {
		return "CREATE DATABASE " + DATABASE + ";\n" + "CREATE USER '" + NODE_USER + "'@'%' IDENTIFIED BY 'node';\n"
				+ "CREATE USER '" + NODE_USER + "'@'localhost' IDENTIFIED BY 'node';\n" + "GRANT ALL ON " + DATABASE
				+ ".* TO '" + NODE_USER + "'@'%';\n" + "GRANT ALL ON " + DATABASE + ".* TO '" + NODE_USER
				+ "'@'localhost'";
	}

	@Override
	String serverAdminUrl() {
		return "jdbc:mariadb://127.0.0.1:" + port() + "/?user=root&connectTimeout=5000";
	}

	@Override
	public String nodeUrl(int port) {
		return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE + "?user=" + NODE_USER + "&password=node";
	}

	@Override
	public String adminUrl() {
		return "jdbc:mariadb://127.0.0.1:" + port() + "/" + DATABASE + "?user=root&connectTimeout=5000";
	}

	@Override
	public int killNodeConnections() {
		List<Long> ids = new ArrayList<>();
		try (Connection connection = admin(); Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement
				.executeQuery("SELECT id FROM information_schema.processlist WHERE user = '" + NODE_USER + "'")) {
				while (rs.next()) {
					ids.add(rs.getLong(1));
				}
			}
			int killed = 0;
			for (long id : ids) {
				try {
					statement.execute("KILL " + id);
					killed++;
				}
				catch (SQLException ex) {
					// gone already
				}
			}
			return killed;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void crash() {
		Process running = this.process;
		if (running != null && running.isAlive()) {
			running.destroyForcibly();
			try {
				running.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void startAgain() {
		launch();
	}

	@Override
	public String heartbeatYoungerThan(long ms) {
		return "heartbeat_at > UTC_TIMESTAMP(6) - INTERVAL " + (ms * 1000) + " MICROSECOND";
	}

	@Override
	public void close() {
		crash();
		Shell.deleteTree(this.dir);
		Cleanup.unregister(this);
	}

	private static String find(String... candidates) {
		for (String candidate : candidates) {
			if (Files.isExecutable(Paths.get(candidate))) {
				return candidate;
			}
		}
		throw new IllegalStateException("The fault suite needs a MariaDB server installed: none of "
				+ List.of(candidates) + " found (apt-get install mariadb-server)");
	}

	@Override
	public String toString() {
		return "private MariaDB on port " + port() + " in " + this.dir;
	}

}
