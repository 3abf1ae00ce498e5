package dev.jobs.benchmarks;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs the benchmark matrix and prints one table per database. Not part of the default
 * build: see jobs-benchmarks/README.md for the method and the command.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("console")) {
			ConsoleLatency.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		Options options = Options.parse(args);
		String started = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		String header = String.format(
				"Benchmarks %s%nJava %s (%s), %d CPUs, max heap %d MB, %s %s%n"
						+ "%d no-op jobs per run (warm-up %d), %d workers, %d pickup samples, time limit %d s per run%n"
						+ "throughput: median of %d rounds, each from an empty table; single enqueue (1 tx/job) on "
						+ "%d jobs per round (jobs / rounds, rounded up)%nbacklog run: %s",
				started, System.getProperty("java.version"), System.getProperty("java.vm.name"),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
				System.getProperty("os.name"), System.getProperty("os.arch"), options.jobs(), options.warmup(),
				options.workers(), options.pickupSamples(), options.timeLimit().toSeconds(), options.rounds(),
				options.enqueueJobs(),
				options.backlog() ? String.format("%,d due jobs behind %,d finished ones (raw batched and jobs only)",
						options.backlogDue(), options.backlogFinished()) : "skipped");
		System.out.println(header);
		Map<String, String> tables = new LinkedHashMap<>();
		for (String name : options.databases()) {
			Database database = Database.of(name);
			System.out.println();
			String unreachable = database.unreachable();
			if (unreachable != null) {
				System.out.println("== " + database.name() + ": skipped, cannot be reached (" + unreachable + ")");
				tables.put(database.name(), "skipped: cannot be reached (" + unreachable + ")");
				continue;
			}
			String product = database.product();
			System.out.println("== " + database.name() + " (" + product + ")");
			Results results = new Results();
			String prefix = "b" + HexFormat.of().formatHex(randomBytes()) + "_";
			for (String library : options.libraries()) {
				try {
					switch (library) {
						case "raw" -> new RawJdbcBenchmark(database, options, prefix).run(results);
						case "jobs" -> new JobsBenchmark(database, options, prefix).run(results);
						case "db-scheduler" -> new DbSchedulerBenchmark(database, options, prefix).run(results);
						case "jobrunr" -> new JobRunrBenchmark(database, options, prefix).run(results);
						default -> throw new IllegalArgumentException("Unknown library '" + library + "'");
					}
				}
				catch (Exception ex) {
					results.note(library + " failed: " + ex);
					ex.printStackTrace();
				}
			}
			// the large-backlog run last, once the other runs of the database are done
			if (options.backlog()) {
				for (String library : options.libraries()) {
					try {
						switch (library) {
							case "raw" -> new RawJdbcBenchmark(database, options, prefix + "bl_").backlog(results);
							case "jobs" -> new JobsBenchmark(database, options, prefix + "bl_").backlog(results);
							default -> {
							}
						}
					}
					catch (Exception ex) {
						results.note(library + " backlog run failed: " + ex);
						ex.printStackTrace();
					}
				}
			}
			tables.put(database.name() + " (" + product + ")", results.table());
		}
		System.out.println();
		System.out.println(header);
		for (Map.Entry<String, String> table : tables.entrySet()) {
			System.out.println();
			System.out.println("### " + table.getKey());
			System.out.println();
			System.out.println(table.getValue());
		}
		System.exit(0);
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[3];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

}
