package dev.jobs.faults.harness;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;

import dev.jobs.faults.harness.Snapshot.JobRow;
import dev.jobs.faults.harness.Snapshot.Run;

/**
 * The figures of one fault test, from the database once the fault is over, printed as one
 * line ({@code FAULT-FIGURES ...}) and checked against the guarantees.
 *
 * <ul>
 * <li>{@code lost}: enqueued jobs that are missing, or did not end COMPLETED, or ended
 * COMPLETED without any handler run that returned;</li>
 * <li>{@code stuck}: jobs not finished once the fault is over (of which {@code orphans}
 * are RUNNING without a live owner);</li>
 * <li>{@code duplicates}: jobs whose handler returned more than once;</li>
 * <li>{@code inFlightAtFault}: handler runs under way on the faulted node (or all nodes)
 * at the fault;</li>
 * <li>{@code recoveryMs}: what the test measures: how long the faulted node's jobs took
 * to start elsewhere, or claims to resume once the database was back.</li>
 * </ul>
 */
public final class Figures {

	private final String test;

	private final FaultDatabase.Kind kind;

	private final Snapshot snapshot;

	private final FaultCluster cluster;

	private final int jobs;

	private final int lost;

	private final int stuck;

	private final int orphans;

	private final int duplicates;

	private Integer inFlightAtFault;

	private Long recoveryMs;

	private final Map<String, Object> extra = new LinkedHashMap<>();

	private final List<String> lostSamples;

	Figures(String test, FaultDatabase.Kind kind, Collection<String> ids, Snapshot snapshot, FaultCluster cluster) {
		this.test = test;
		this.kind = kind;
		this.snapshot = snapshot;
		this.cluster = cluster;
		this.jobs = ids.size();
		Map<String, Integer> returned = new HashMap<>();
		for (Run run : snapshot.runs()) {
			if (run.endedMs() != null) {
				returned.merge(run.jobId(), 1, Integer::sum);
			}
		}
		List<String> lostIds = ids.stream().filter((id) -> {
			JobRow row = snapshot.jobs().get(id);
			return row == null || (row.isTerminal() && !row.status().equals("COMPLETED"))
					|| (row.status().equals("COMPLETED") && !returned.containsKey(id));
		}).toList();
		this.lost = lostIds.size();
		this.lostSamples = lostIds.stream()
			.limit(5)
			.map((id) -> id + ":" + snapshot.jobs().get(id))
			.collect(Collectors.toList());
		this.stuck = (int) ids.stream()
			.filter((id) -> snapshot.jobs().get(id) != null && !snapshot.jobs().get(id).isTerminal())
			.count();
		this.orphans = (int) ids.stream()
			.map(snapshot.jobs()::get)
			.filter((row) -> row != null && row.status().equals("RUNNING")
					&& !snapshot.liveNodes().contains(row.owner()))
			.count();
		Map<String, Long> unfinished = ids.stream()
			.map(snapshot.jobs()::get)
			.filter((row) -> row != null && !row.isTerminal())
			.collect(Collectors.groupingBy(JobRow::status, java.util.TreeMap::new, Collectors.counting()));
		if (!unfinished.isEmpty()) {
			this.extra.put("stuckByStatus", unfinished.toString().replace(" ", ""));
		}
		this.duplicates = (int) ids.stream().filter((id) -> returned.getOrDefault(id, 0) > 1).count();
		this.extra.put("restarted",
				snapshot.runs()
					.stream()
					.collect(Collectors.groupingBy(Run::jobId, Collectors.counting()))
					.values()
					.stream()
					.filter((count) -> count > 1)
					.count());
	}

	/**
	 * The snapshot the figures come from.
	 * @return the snapshot
	 */
	public Snapshot snapshot() {
		return this.snapshot;
	}

	/**
	 * Count the handler runs under way at the fault.
	 * @param faultMs when the fault happened
	 * @param node the faulted node, or {@code null} for every node
	 * @return these figures
	 */
	public Figures inFlightAt(long faultMs, String node) {
		this.inFlightAtFault = (int) this.snapshot.runs()
			.stream()
			.filter((run) -> (node == null || run.node().equals(node)) && run.inFlightAt(faultMs))
			.count();
		return this;
	}

	/**
	 * Count the handler runs under way at some moment of a fault's span.
	 * @param fromMs when the fault began
	 * @param toMs when it ended
	 * @param node the faulted node, or {@code null} for every node
	 * @return these figures
	 */
	public Figures inFlightDuring(long fromMs, long toMs, String node) {
		this.inFlightAtFault = (int) this.snapshot.runs()
			.stream()
			.filter((run) -> (node == null || run.node().equals(node)) && run.startedMs() <= toMs
					&& (run.endedMs() == null || run.endedMs() > fromMs))
			.count();
		return this;
	}

	/**
	 * Count the jobs in flight on a faulted node: those it owned (RUNNING) at the fault
	 * and whose handler it had started, returned or not (an end that is not yet written
	 * leaves the job to run again). Of these, {@code returnedUnrecorded} had returned.
	 * @param owned the jobs it owned (RUNNING) just after the fault
	 * @param node the faulted node
	 * @param faultMs when the fault happened
	 * @return these figures
	 */
	public Figures inFlightOn(Set<String> owned, String node, long faultMs) {
		int started = 0;
		int returned = 0;
		int running = 0;
		for (Run run : this.snapshot.runs()) {
			if (run.node().equals(node) && owned.contains(run.jobId()) && run.startedMs() <= faultMs) {
				started++;
				if (run.endedMs() != null && run.endedMs() <= faultMs) {
					returned++;
				}
			}
			if (run.node().equals(node) && run.inFlightAt(faultMs)) {
				running++;
			}
		}
		this.inFlightAtFault = started;
		this.extra.put("handlersRunningAtFault", running);
		this.extra.put("returnedUnrecorded", returned);
		return this;
	}

	/**
	 * Details of the runs of some jobs, relative to the fault, for the test's output.
	 * @param ids the jobs
	 * @param faultMs when the fault happened
	 * @return one line per job
	 */
	public String runsOf(Set<String> ids, long faultMs) {
		StringBuilder text = new StringBuilder();
		for (String id : ids) {
			text.append("  ").append(id).append(' ').append(this.snapshot.jobs().get(id)).append(':');
			this.snapshot.runs()
				.stream()
				.filter((run) -> run.jobId().equals(id))
				.forEach((run) -> text.append(" [")
					.append(run.node())
					.append(" #")
					.append(run.attempt())
					.append(' ')
					.append(run.startedMs() - faultMs)
					.append("..")
					.append((run.endedMs() != null) ? run.endedMs() - faultMs : "-")
					.append(']'));
			this.snapshot.executions()
				.stream()
				.filter((execution) -> execution.jobId().equals(id))
				.forEach((execution) -> text.append(" {")
					.append(execution.node())
					.append(" #")
					.append(execution.attempt())
					.append(' ')
					.append(execution.outcome())
					.append('}'));
			text.append('\n');
		}
		return text.toString();
	}

	/**
	 * Measure how long the jobs a faulted node owned took to start again: the slowest of
	 * them, from the fault. A restart is a run on another node, or a later attempt on the
	 * faulted node itself once it is back.
	 * @param owned the jobs it owned (RUNNING) at the fault
	 * @param node the faulted node
	 * @param faultMs when the fault happened
	 * @return these figures
	 */
	public Figures rescueLatency(Set<String> owned, String node, long faultMs) {
		long slowest = 0;
		int notRestarted = 0;
		// a run of an attempt that was rescued from the faulted node is no restart
		Set<String> rescuedAttempts = rescuedAttemptsOf(node);
		for (String id : owned) {
			Long first = this.snapshot.runs()
				.stream()
				.filter((run) -> run.jobId().equals(id) && run.startedMs() >= faultMs
						&& !(run.node().equals(node) && rescuedAttempts.contains(id + "#" + run.attempt())))
				.map(Run::startedMs)
				.min(Long::compare)
				.orElse(null);
			if (first == null) {
				notRestarted++;
			}
			else {
				slowest = Math.max(slowest, first - faultMs);
			}
		}
		this.recoveryMs = slowest;
		long rescued = this.snapshot.executions()
			.stream()
			.filter((execution) -> owned.contains(execution.jobId()) && execution.node().equals(node)
					&& execution.outcome().equals("INTERRUPTED"))
			.mapToLong((execution) -> execution.finishedMs() - faultMs)
			.max()
			.orElse(-1);
		this.extra.put("rescuedAfterMs", rescued);
		this.extra.put("ownedAtFault", owned.size());
		this.extra.put("notRestarted", notRestarted);
		return this;
	}

	/**
	 * The attempts taken from a node (rescued or handed back): each has an INTERRUPTED
	 * execution row in its name.
	 * @param node the node
	 * @return the attempts, as {@code jobId#attempt}
	 */
	public Set<String> rescuedAttemptsOf(String node) {
		return this.snapshot.executions()
			.stream()
			.filter((execution) -> execution.node().equals(node) && execution.outcome().equals("INTERRUPTED"))
			.map((execution) -> execution.jobId() + "#" + execution.attempt())
			.collect(Collectors.toSet());
	}

	/**
	 * Count the runs a node started after a moment of attempts that had been taken from
	 * it (the jobs it held when it lost them).
	 * @param node the node
	 * @param afterMs the moment
	 * @return how many
	 */
	public long staleStartsOf(String node, long afterMs) {
		Set<String> rescued = rescuedAttemptsOf(node);
		return this.snapshot.runs()
			.stream()
			.filter((run) -> run.node().equals(node) && run.startedMs() >= afterMs
					&& rescued.contains(run.jobId() + "#" + run.attempt()))
			.count();
	}

	/**
	 * Count the execution rows a node wrote, other than INTERRUPTED, for attempts that
	 * had been taken from it: late writes that fencing let through.
	 * @param node the node
	 * @return how many
	 */
	public long lateWritesOf(String node) {
		Set<String> rescued = rescuedAttemptsOf(node);
		return this.snapshot.executions()
			.stream()
			.filter((execution) -> execution.node().equals(node) && !execution.outcome().equals("INTERRUPTED")
					&& rescued.contains(execution.jobId() + "#" + execution.attempt()))
			.count();
	}

	/**
	 * Count the held jobs that a fault charged an attempt to: jobs the faulted node had
	 * claimed but not started, that had never run before, and whose first run was not
	 * their first attempt.
	 * @param owned the jobs the node owned (RUNNING) at the fault
	 * @param node the faulted node
	 * @param faultMs when the fault happened
	 * @return how many
	 */
	public int heldCharged(Set<String> owned, String node, long faultMs) {
		int held = 0;
		int charged = 0;
		for (String id : owned) {
			List<Run> runs = this.snapshot.runs().stream().filter((run) -> run.jobId().equals(id)).toList();
			if (runs.stream().anyMatch((run) -> run.startedMs() < faultMs)) {
				continue;
			}
			held++;
			if (!runs.isEmpty() && runs.get(0).attempt() > 1) {
				charged++;
			}
		}
		this.extra.put("heldAtFault", held);
		this.extra.put("heldCharged", charged);
		return charged;
	}

	/**
	 * Measure how long claims took to resume once the database was back: the first start
	 * of a job that was pending then.
	 * @param pendingAtBack the jobs pending when the database came back
	 * @param backMs when it came back
	 * @return these figures
	 */
	public Figures resumeLatency(Set<String> pendingAtBack, long backMs) {
		this.recoveryMs = this.snapshot.runs()
			.stream()
			.filter((run) -> pendingAtBack.contains(run.jobId()) && run.startedMs() >= backMs)
			.map((run) -> run.startedMs() - backMs)
			.min(Long::compare)
			.orElse(-1L);
		this.extra.put("pendingAtBack", pendingAtBack.size());
		return this;
	}

	/**
	 * Add a figure of the test's own.
	 * @param name its name
	 * @param value its value
	 * @return these figures
	 */
	public Figures with(String name, Object value) {
		this.extra.put(name, value);
		return this;
	}

	/**
	 * The measured recovery.
	 * @return milliseconds, or {@code null} if none was measured
	 */
	public Long recoveryMs() {
		return this.recoveryMs;
	}

	/**
	 * The runs under way at the fault.
	 * @return how many, or {@code null} if not counted
	 */
	public Integer inFlightAtFault() {
		return this.inFlightAtFault;
	}

	/**
	 * The one line of figures.
	 * @return the line
	 */
	public String line() {
		StringBuilder line = new StringBuilder(
				"FAULT-FIGURES test=" + this.test + " db=" + this.kind + " jobs=" + this.jobs + " lost=" + this.lost
						+ " stuck=" + this.stuck + " duplicates=" + this.duplicates + " inFlightAtFault="
						+ this.inFlightAtFault + " recoveryMs=" + this.recoveryMs + " orphans=" + this.orphans);
		this.extra.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
		return line.toString();
	}

	/**
	 * Print the line and check the guarantees that hold after every fault: nothing lost,
	 * nothing stuck, at most so many duplicates, recovery within the bound, and every
	 * node the test did not fault still running.
	 * @param softly where failures are collected
	 * @param duplicatesAllowed how many jobs may have run to the end twice
	 * @param recoveryBoundMs the bound of {@code recoveryMs}, or 0 for none
	 */
	public void check(SoftAssertions softly, int duplicatesAllowed, long recoveryBoundMs) {
		System.out.println(line());
		softly.assertThat(this.lost).as("lost jobs, e.g. " + this.lostSamples).isZero();
		softly.assertThat(this.stuck)
			.as("jobs not finished once the fault was over (orphans " + this.orphans + ")")
			.isZero();
		softly.assertThat(this.duplicates)
			.as("jobs whose handler returned twice")
			.isLessThanOrEqualTo(duplicatesAllowed);
		if (recoveryBoundMs > 0) {
			softly.assertThat(this.recoveryMs).as("recoveryMs").isNotNull().isBetween(0L, recoveryBoundMs);
		}
		Set<String> exited = new HashSet<>();
		for (NodeProcess node : this.cluster.nodes()) {
			if (!node.faulted() && !node.isAlive()) {
				exited.add(node.name());
			}
		}
		softly.assertThat(exited).as("nodes that exited by themselves").isEmpty();
	}

}
