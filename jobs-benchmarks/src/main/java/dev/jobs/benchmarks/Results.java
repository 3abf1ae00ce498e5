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

	private final List<String> notes = new ArrayList<>();

	void throughput(Scenario scenario, Library library, Run run) {
		this.values.computeIfAbsent(scenario, (key) -> new EnumMap<>(Library.class)).put(library, run.perSecond());
		String line = String.format(Locale.ROOT, "  %-20s %-24s %,8d jobs in %,7d ms = %,9.0f jobs/s%s",
				library.label(), scenario.label(), run.jobs(), run.nanos() / 1_000_000, run.perSecond(),
				run.timedOut() ? "  (stopped at the time limit)" : "");
		System.out.println(line);
		if (run.timedOut()) {
			this.notes.add(library.label() + ", " + scenario.label() + ": stopped at the time limit after " + run.jobs()
					+ " jobs");
		}
	}

	void latency(Scenario scenario, Library library, double millis) {
		this.values.computeIfAbsent(scenario, (key) -> new EnumMap<>(Library.class)).put(library, millis);
		System.out
			.println(String.format(Locale.ROOT, "  %-20s %-24s %,9.1f ms", library.label(), scenario.label(), millis));
	}

	void note(String note) {
		this.notes.add(note);
		System.out.println("  note: " + note);
	}

	/**
	 * The table, in Markdown: one row per scenario, one column per library; each cell
	 * holds the figure, its ratio to the raw loop of the row (batched where there is one)
	 * and its ratio to db-scheduler. For latencies the ratio is still "figure /
	 * reference", so below 1 is better there.
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
			table.append("| ").append(scenario.label()).append(" (").append(scenario.unit()).append(") |");
			for (Library library : Library.values()) {
				Double value = row.get(library);
				table.append(' ');
				if (value == null) {
					table.append('-');
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
		return String.format(Locale.ROOT, (ratio < 0.1) ? "%.3f" : "%.2f", ratio);
	}

	private static String format(Scenario scenario, double value) {
		return scenario.isLatency() ? String.format(Locale.ROOT, "%.1f", value)
				: String.format(Locale.ROOT, "%,.0f", value);
	}

}
