package dev.jobs.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one database, and the table that shows them with their ratios.
 */
class Results {

	private final Map<Scenario, Map<Library, Double>> values = new EnumMap<>(Scenario.class);

	private final Map<Scenario, Map<Library, String>> marks = new EnumMap<>(Scenario.class);

	private final List<String> notes = new ArrayList<>();

	/**
	 * The jobs/s of every run of a throughput row, in order; the row's figure is their
	 * median.
	 */
	private final Map<Scenario, Map<Library, List<Double>>> runs = new EnumMap<>(Scenario.class);

	/**
	 * Record a single run.
	 * @param scenario the row
	 * @param library the column
	 * @param run the run
	 */
	void throughput(Scenario scenario, Library library, Run run) {
		throughput(scenario, library, run, 1, 1);
	}

	/**
	 * Record one round of a row that is run several times: the row's figure is the median
	 * of the rounds' jobs/s so far.
	 * @param scenario the row
	 * @param library the column
	 * @param run the run
	 * @param round this round, from 1
	 * @param rounds how many rounds there are
	 */
	void throughput(Scenario scenario, Library library, Run run, int round, int rounds) {
		List<Double> perSecond = this.runs.computeIfAbsent(scenario, (key) -> new EnumMap<>(Library.class))
			.computeIfAbsent(library, (key) -> new ArrayList<>());
		perSecond.add(run.perSecond());
		this.values.computeIfAbsent(scenario, (key) -> new EnumMap<>(Library.class)).put(library, median(perSecond));
		String of = (rounds > 1) ? " (round " + round + "/" + rounds + ")" : "";
		String line = String.format(Locale.ROOT, "  %-20s %-24s %,8d jobs in %,7d ms = %,9.0f jobs/s%s%s",
				library.label(), scenario.label(), run.jobs(), run.nanos() / 1_000_000, run.perSecond(), of,
				run.timedOut() ? "  (stopped at the time limit)" : "");
		System.out.println(line);
		if (run.timedOut()) {
			this.notes.add(library.label() + ", " + scenario.label() + of + ": stopped at the time limit after "
					+ run.jobs() + " jobs");
		}
	}

	/**
	 * The median; for an even count the mean of the two middle values.
	 */
	private static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	void latency(Scenario scenario, Library library, double millis) {
		this.values.computeIfAbsent(scenario, (key) -> new EnumMap<>(Library.class)).put(library, millis);
		System.out
			.println(String.format(Locale.ROOT, "  %-20s %-24s %,9.1f ms", library.label(), scenario.label(), millis));
	}

	/**
	 * Record the percentiles of pickup samples.
	 * @param library the library
	 * @param remote whether the jobs were enqueued on another node than the one that ran
	 * them
	 * @param nanos the samples, in nanoseconds
	 * @param requested how many samples were asked for
	 */
	void pickup(Library library, boolean remote, long[] nanos, int requested) {
		String where = remote ? "cross-node" : "local";
		if (nanos.length == 0) {
			note(library.label() + ": no " + where + " pickup sample within the time limit");
			return;
		}
		latency(remote ? Scenario.PICKUP_REMOTE_P50 : Scenario.PICKUP_P50, library, Timing.percentileMillis(nanos, 50));
		latency(remote ? Scenario.PICKUP_REMOTE_P95 : Scenario.PICKUP_P95, library, Timing.percentileMillis(nanos, 95));
		latency(remote ? Scenario.PICKUP_REMOTE_P99 : Scenario.PICKUP_P99, library, Timing.percentileMillis(nanos, 99));
		if (nanos.length < requested) {
			note(library.label() + ", " + where + " pickup: " + nanos.length + " of " + requested
					+ " samples within the time limit");
		}
	}

	/**
	 * Record a library's figure of one row as a ratio to its figure of another row.
	 * @param scenario the row of the ratio
	 * @param library the library
	 * @param numerator the row whose figure is divided
	 * @param denominator the row whose figure divides it
	 */
	void ownRatio(Scenario scenario, Library library, Scenario numerator, Scenario denominator) {
		Double top = value(numerator, library);
		Double bottom = value(denominator, library);
		if (top == null || bottom == null || bottom <= 0) {
			return;
		}
		double ratio = top / bottom;
		this.values.computeIfAbsent(scenario, (key) -> new EnumMap<>(Library.class)).put(library, ratio);
		System.out.println(String.format(Locale.ROOT, "  %-20s %-24s %9.2f× (%s / %s)", library.label(),
				scenario.label(), ratio, numerator.label(), denominator.label()));
	}

	/**
	 * Show a text instead of a figure, where a run does not apply to a library.
	 * @param scenario the row
	 * @param library the column
	 * @param text what the cell shows
	 */
	void mark(Scenario scenario, Library library, String text) {
		this.marks.computeIfAbsent(scenario, (key) -> new EnumMap<>(Library.class)).put(library, text);
	}

	Double value(Scenario scenario, Library library) {
		Map<Library, Double> row = this.values.get(scenario);
		return (row != null) ? row.get(library) : null;
	}

	void note(String note) {
		this.notes.add(note);
		System.out.println("  note: " + note);
	}

	/**
	 * The table, in Markdown: one row per scenario, one column per library; each cell
	 * holds the figure (of a throughput row run in rounds, the median of its rounds), its
	 * ratio to the raw loop of the row (batched where there is one) and its ratio to
	 * db-scheduler; this starter's also its ratio to JobRunr. For latencies the ratio is
	 * still "figure / reference", so below 1 is better there. Rows that are themselves a
	 * library's ratio to its own figure of another row carry no further ratios.
	 * @return the table
	 */
	String table() {
		StringBuilder table = new StringBuilder();
		table.append("| scenario |");
		for (Library library : Library.values()) {
			table.append(' ').append(library.label()).append(" |");
		}
		table.append("\n| --- |");
		table.append(" ---: |".repeat(Library.values().length));
		table.append('\n');
		for (Scenario scenario : Scenario.values()) {
			Map<Library, Double> row = this.values.get(scenario);
			if (row == null) {
				continue;
			}
			Double raw = (row.get(Library.RAW_BATCHED) != null) ? row.get(Library.RAW_BATCHED)
					: row.get(Library.RAW_PER_JOB);
			Double dbScheduler = row.get(Library.DB_SCHEDULER);
			Double jobRunr = row.get(Library.JOBRUNR);
			Map<Library, String> marked = this.marks.getOrDefault(scenario, Map.of());
			table.append("| ").append(scenario.label()).append(" (").append(scenario.unit()).append(") |");
			for (Library library : Library.values()) {
				Double value = row.get(library);
				table.append(' ');
				if (value == null) {
					table.append(marked.getOrDefault(library, "-"));
				}
				else if (scenario.isOwnRatio()) {
					table.append(ratio(value)).append('×');
				}
				else {
					table.append(format(scenario, value));
					List<String> ratios = new ArrayList<>();
					if (raw != null && raw > 0 && library != Library.RAW_BATCHED
							&& !(library == Library.RAW_PER_JOB && row.get(Library.RAW_BATCHED) == null)) {
						ratios.add(ratio(value / raw) + "× raw");
					}
					if (dbScheduler != null && dbScheduler > 0 && library != Library.DB_SCHEDULER) {
						ratios.add(ratio(value / dbScheduler) + "× dbs");
					}
					if (jobRunr != null && jobRunr > 0 && library == Library.JOBS) {
						ratios.add(ratio(value / jobRunr) + "× jr");
					}
					if (!ratios.isEmpty()) {
						table.append(" (").append(String.join(", ", ratios)).append(')');
					}
				}
				table.append(" |");
			}
			table.append('\n');
		}
		for (String note : this.notes) {
			table.append("\n- ").append(note);
		}
		return table.toString();
	}

	private static String ratio(double ratio) {
		if (ratio < 0.001) {
			return String.format(Locale.ROOT, "%.5f", ratio);
		}
		return String.format(Locale.ROOT, (ratio < 0.1) ? "%.3f" : "%.2f", ratio);
	}

	private static String format(Scenario scenario, double value) {
		return scenario.isLatency() ? String.format(Locale.ROOT, "%.1f", value)
				: String.format(Locale.ROOT, "%,.0f", value);
	}

}
