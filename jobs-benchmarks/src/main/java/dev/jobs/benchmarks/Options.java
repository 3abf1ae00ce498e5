package dev.jobs.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What to run, read from system properties ({@code -Dbench.jobs=2000}) or from arguments
 * of the same names ({@code --jobs=2000}).
 *
 * @param databases the databases, in order
 * @param libraries the libraries, in order
 * @param jobs jobs per scenario
 * @param rounds how many times each throughput scenario is run, each time from an empty
 * table; the table shows the median of the rounds' figures. The single enqueue runs
 * {@link #enqueueJobs()} jobs per round
 * @param warmup jobs of the warm-up round run before each library's measured runs; as
 * many as a measured run by default, so that the JIT has compiled each library's hot
 * paths before they are timed
 * @param workers worker threads of every library and raw loop
 * @param pickupSamples jobs of the pickup latency run
 * @param timeLimit most time one scenario may take
 * @param backlogFinished finished rows of the large-backlog run; 0 skips the run
 * @param backlogDue due pending rows of the large-backlog run, which it burns down; 0
 * skips the run
 */
record Options(List<String> databases, List<String> libraries, int jobs, int rounds, int warmup, int workers,
		int pickupSamples, Duration timeLimit, int backlogFinished, int backlogDue) {

	static final List<String> ALL_LIBRARIES = List.of("raw", "jobs", "db-scheduler", "jobrunr");

	Options {
		if (rounds < 1) {
			throw new IllegalArgumentException("rounds (--rounds, bench.rounds) must be at least 1, was " + rounds);
		}
	}

	static Options parse(String[] args) {
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains("=")) {
				String key = arg.substring(2, arg.indexOf('='));
				System.setProperty("bench." + key, arg.substring(arg.indexOf('=') + 1));
			}
			else {
				throw new IllegalArgumentException("Unknown argument '" + arg + "' (use --name=value)");
			}
		}
		return new Options(list("bench.databases", "h2,postgresql,mariadb"),
				list("bench.libraries", String.join(",", ALL_LIBRARIES)), integer("bench.jobs", 20000),
				integer("bench.rounds", 3), integer("bench.warmup", 20000), integer("bench.workers", 8),
				integer("bench.pickup-samples", 200), Duration.ofSeconds(integer("bench.time-limit", 120)),
				integer("bench.backlog-finished", 1_000_000), integer("bench.backlog-due", 100_000));
	}

	/**
	 * Jobs of one round of the single enqueue, the slowest scenario (one transaction per
	 * job): {@link #jobs()} divided by {@link #rounds()}, rounded up, so that its rounds
	 * together take about as long as one run of {@link #jobs()} would.
	 * @return jobs per round of the single enqueue
	 */
	int enqueueJobs() {
		return (this.jobs + this.rounds - 1) / this.rounds;
	}

	boolean backlog() {
		return this.backlogFinished > 0 && this.backlogDue > 0;
	}

	private static List<String> list(String property, String fallback) {
		return Arrays.stream(System.getProperty(property, fallback).split(","))
			.map(String::trim)
			.filter((value) -> !value.isEmpty())
			.toList();
	}

	private static int integer(String property, int fallback) {
		String value = System.getProperty(property, String.valueOf(fallback));
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			String name = property.substring("bench.".length());
			throw new IllegalArgumentException(
					name + " (--" + name + ", " + property + ") must be a whole number, was '" + value + "'", ex);
		}
	}

}
