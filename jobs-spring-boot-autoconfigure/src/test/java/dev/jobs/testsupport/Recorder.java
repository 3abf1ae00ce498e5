package dev.jobs.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.event.EventListener;

import dev.jobs.JobContext;
import dev.jobs.JobId;
import dev.jobs.event.JobEvent;

/**
 * What test handlers saw, shared by every node of a test: runs per job, the order of
 * runs, the most jobs of a queue running at once, and the events published.
 */
public class Recorder {

	private final Map<JobId, AtomicInteger> runs = new ConcurrentHashMap<>();

	private final Map<JobId, List<String>> nodesByJob = new ConcurrentHashMap<>();

	private final List<String> order = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> runningByQueue = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> maxRunningByQueue = new ConcurrentHashMap<>();

	private final List<JobEvent> events = new CopyOnWriteArrayList<>();

	private final List<Map<String, String>> mdc = new CopyOnWriteArrayList<>();

	/**
	 * Record that a handler started a run.
	 * @param context the job context
	 * @param label a label for the run order
	 */
	public void started(JobContext context, String label) {
		this.runs.computeIfAbsent(context.jobId(), (id) -> new AtomicInteger()).incrementAndGet();
		this.nodesByJob.computeIfAbsent(context.jobId(), (id) -> new CopyOnWriteArrayList<>()).add(label);
		this.order.add(label);
		int running = this.runningByQueue.computeIfAbsent(context.queue(), (queue) -> new AtomicInteger())
			.incrementAndGet();
		this.maxRunningByQueue.computeIfAbsent(context.queue(), (queue) -> new AtomicInteger())
			.accumulateAndGet(running, Math::max);
	}

	/**
	 * Record that a handler finished a run.
	 * @param context the job context
	 */
	public void finished(JobContext context) {
		this.runningByQueue.get(context.queue()).decrementAndGet();
	}

	/**
	 * Record MDC values seen by a handler.
	 * @param values the values
	 */
	public void mdc(Map<String, String> values) {
		this.mdc.add(values);
	}

	public int runs(JobId id) {
		AtomicInteger count = this.runs.get(id);
		return (count != null) ? count.get() : 0;
	}

	public Map<JobId, AtomicInteger> runs() {
		return this.runs;
	}

	public int totalRuns() {
		return this.runs.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	public List<String> order() {
		return new ArrayList<>(this.order);
	}

	public int maxRunning(String queue) {
		AtomicInteger max = this.maxRunningByQueue.get(queue);
		return (max != null) ? max.get() : 0;
	}

	public List<Map<String, String>> mdc() {
		return Collections.unmodifiableList(this.mdc);
	}

	/**
	 * The events of a type.
	 * @param <E> the type
	 * @param type the type
	 * @return the events
	 */
	public <E extends JobEvent> List<E> events(Class<E> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	@EventListener
	void on(JobEvent event) {
		this.events.add(event);
	}

}
