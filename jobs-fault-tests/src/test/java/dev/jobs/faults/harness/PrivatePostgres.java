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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL instance of the machine's installed server in a temporary directory, on a
 * free port, run as the user {@code postgres} (initdb and the server refuse root).
 */
final class PrivatePostgres extends FaultDatabase {

	private final Path bin = findBin();

	private Path dir;

	private Path data;

	@Override
	public Kind kind() {
		return Kind.POSTGRES;
	}

	@Override
	void startServer() {
		this.dir = Shell.temporaryDirectory("jobs-fault-pg-");
		this.data = this.dir.resolve("data");
		Shell.run(List.of("chown", "-R", "postgres:postgres", this.dir.toString()));
		asPostgres(this.bin.resolve("initdb").toString(), "-D", this.data.toString(), "-A", "trust", "-U", "postgres",
				"-E", "UTF8", "--locale=C", "--no-sync");
		pgCtlStart();
	}

	// fsync=off is safe here: a crash of the server (not of the machine) leaves the
	// written WAL in the operating system's cache. synchronous_commit stays on, since a
	// crash would lose acknowledged commits without it.
	private void pgCtlStart() {
		asPostgres(this.bin.resolve("pg_ctl").toString(), "-D", this.data.toString(), "-l",
				this.dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
				"-p " + port() + " -k " + this.dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
						+ " -c full_page_writes=off -c max_connections=300",
				"start");
		awaitAccepting(serverAdminUrl(), 30_000);
	}

	@Override
	String createStatements() {
		return "CREATE ROLE " + NODE_USER + " LOGIN;\nCREATE DATABASE " + DATABASE + " OWNER " + NODE_USER;
	}

	@Override
	String serverAdminUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres?user=postgres&connectTimeout=5";
	}

	@Override
	public String nodeUrl(int port) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=" + NODE_USER;
	}

	@Override
	public String adminUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE
				+ "?user=postgres&connectTimeout=5&ApplicationName=fault-suite";
	}

	@Override
	public int killNodeConnections() {
		try (Connection connection = admin();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
						+ " WHERE usename = '" + NODE_USER + "'")) {
			rs.next();
			return rs.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void crash() {
		asPostgres(this.bin.resolve("pg_ctl").toString(), "-D", this.data.toString(), "-m", "immediate", "-w", "stop");
	}

	@Override
	public void startAgain() {
		pgCtlStart();
	}

	@Override
	public String heartbeatYoungerThan(long ms) {
		return "heartbeat_at > now() - interval '" + ms + " milliseconds'";
	}

	@Override
	public void close() {
		if (this.data != null && Files.exists(this.data.resolve("postmaster.pid"))) {
			try {
				crash();
			}
			catch (RuntimeException ex) {
				killPostmaster();
			}
		}
		Shell.deleteTree(this.dir);
		Cleanup.unregister(this);
	}

	private void killPostmaster() {
		try {
			String pid = Files.readAllLines(this.data.resolve("postmaster.pid")).get(0).trim();
			Shell.signal(Long.parseLong(pid), "KILL");
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not kill the private PostgreSQL of " + this.dir + ": " + ex);
		}
	}

	private static void asPostgres(String... command) {
		List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
		full.addAll(List.of(command));
		Shell.run(full);
	}

	private static Path findBin() {
		Path root = Paths.get("/usr/lib/postgresql");
		if (Files.isDirectory(root)) {
			try (Stream<Path> versions = Files.list(root)) {
				Path bin = versions.map((version) -> version.resolve("bin"))
					.filter((candidate) -> Files.isExecutable(candidate.resolve("initdb")))
					.max(Comparator.comparing((candidate) -> Integer
						.parseInt(candidate.getParent().getFileName().toString().replaceAll("\\D", "0"))))
					.orElse(null);
				if (bin != null) {
					return bin;
				}
			}
			catch (IOException ex) {
				// reported below
			}
		}
		throw new IllegalStateException("The fault suite needs a PostgreSQL server installed: no "
				+ "/usr/lib/postgresql/<version>/bin/initdb found (apt-get install postgresql)");
	}

	@Override
	public String toString() {
		return "private PostgreSQL on port " + port() + " in " + this.dir;
	}

}
