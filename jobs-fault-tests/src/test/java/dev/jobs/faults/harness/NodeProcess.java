package dev.jobs.faults.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node: a separate JVM running the packaged test application ({@code java -jar}),
 * configured on its command line, its output in a log file of its own.
 */
public final class NodeProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Pattern MEASUREMENT = Pattern.compile(
			"\"measurements\"\\s*:\\s*\\[\\s*\\{\\s*\"statistic\"\\s*:\\s*\"\\w+\"\\s*,\\s*\"value\"\\s*:\\s*(-?[0-9.E-]+)");

	private final String name;

	private final int httpPort = Shell.freePort();

	private final Path log;

	private final Process process;

	private volatile boolean faulted;

	NodeProcess(String name, Path log, List<String> jvmOptions, List<String> arguments) {
		this.name = name;
		this.log = log;
		List<String> command = new ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", appJar().toString()));
		command.add("--server.port=" + this.httpPort);
		command.add("--jobs.node-name=" + name);
		command.addAll(arguments);
		try {
			Files.createDirectories(log.getParent());
			this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start node " + name + ": " + ex.getMessage(), ex);
		}
		Cleanup.register(this);
	}

	static Path appJar() {
		String jar = System.getProperty("faults.app.jar");
		if (jar == null || !Files.isRegularFile(Paths.get(jar))) {
			throw new IllegalStateException("The packaged test application is missing (system property "
					+ "faults.app.jar = " + jar + "); run the suite with ./mvnw -Pfault-tests -pl jobs-fault-tests "
					+ "-am verify, which packages it first");
		}
		return Paths.get(jar);
	}

	/**
	 * The node's name ({@code jobs.node-name}).
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The process id.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Node " + this.name + " exited while starting (exit "
						+ this.process.exitValue() + "):\n" + logTail(60));
			}
			try {
				if (request("GET", "/fault/ready", Duration.ofSeconds(2)).equals("ready")) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// not listening yet
			}
			Shell.sleep(200);
		}
		throw new IllegalStateException("Node " + this.name + " did not start within " + timeout + ":\n" + logTail(60));
	}

	/**
	 * A POST to the test application.
	 * @param pathAndQuery e.g. {@code /fault/enqueue?count=10}
	 * @return the body
	 */
	public String post(String pathAndQuery) {
		return request("POST", pathAndQuery, Duration.ofSeconds(120));
	}

	/**
	 * A GET from the test application, or {@code null} for a 404.
	 * @param pathAndQuery e.g. {@code /actuator/metrics/jobs.store.retries}
	 * @return the body, or {@code null}
	 */
	public String getOrNull(String pathAndQuery) {
		try {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + pathAndQuery))
					.timeout(Duration.ofSeconds(10))
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 404) ? null : response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + pathAndQuery + " of node " + this.name + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A meter's first measurement, from the node's Actuator metrics endpoint.
	 * @param name the meter's name
	 * @return the value, or {@code "absent"} if the node has no such meter
	 */
	public String metric(String name) {
		String body = getOrNull("/actuator/metrics/" + name);
		if (body == null) {
			return "absent";
		}
		Matcher value = MEASUREMENT.matcher(body);
		return value.find() ? value.group(1) : body;
	}

	private String request(String method, String pathAndQuery, Duration timeout) {
		try {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + pathAndQuery))
					.timeout(timeout)
					.method(method, HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(method + " " + pathAndQuery + " of node " + this.name + " answered "
						+ response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + pathAndQuery + " of node " + this.name + " failed: " + ex,
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Send a signal ({@code KILL}, {@code STOP}, {@code CONT}, {@code TERM}); the node
	 * then counts as deliberately faulted.
	 * @param signal the signal's name
	 */
	public void signal(String signal) {
		this.faulted = true;
		Shell.signal(pid(), signal);
		if (signal.equals("KILL")) {
			awaitExit(Duration.ofSeconds(30));
		}
		if (signal.equals("STOP")) {
			awaitStopped(Duration.ofSeconds(10));
		}
	}

	/**
	 * Wait until the kernel shows the process stopped: a signal is delivered when the
	 * process is next scheduled, and a handler may start in between.
	 */
	private void awaitStopped(Duration timeout) {
		Path stat = Paths.get("/proc", Long.toString(pid()), "stat");
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				String line = Files.readString(stat, StandardCharsets.US_ASCII);
				char state = line.charAt(line.lastIndexOf(')') + 2);
				if (state == 'T' || state == 't') {
					return;
				}
				Thread.sleep(1);
			}
			catch (IOException ex) {
				return;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("Node " + this.name + " was not stopped " + timeout + " after SIGSTOP");
	}

	/**
	 * Wait for the process to end.
	 * @param timeout how long to wait
	 * @return the exit code, or {@code null} if it still runs
	 */
	public Integer awaitExit(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? this.process.exitValue() : null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether the process runs.
	 * @return whether it is alive
	 */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Whether the test faulted this node on purpose (a signal).
	 * @return whether it did
	 */
	public boolean faulted() {
		return this.faulted;
	}

	/**
	 * The last lines of the node's log.
	 * @param lines how many
	 * @return the lines
	 */
	public String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	/**
	 * The node's whole log.
	 * @return the log
	 */
	public String log() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			try {
				Shell.signal(pid(), "CONT");
			}
			catch (RuntimeException ex) {
				// gone meanwhile
			}
			this.process.destroyForcibly();
			awaitExit(Duration.ofSeconds(30));
		}
		Cleanup.unregister(this);
	}

	@Override
	public String toString() {
		return "node " + this.name + " (pid " + this.process.pid() + ")";
	}

}
