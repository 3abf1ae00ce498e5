package dev.jobs.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

import org.awaitility.Awaitility;

import org.springframework.context.event.EventListener;

import dev.jobs.engine.AsyncEventPublisher;
import dev.jobs.event.JobsHealthChangedEvent;
import dev.jobs.event.QueueBacklogEvent;

/**
 * Collects the events that are not tied to one job, and the thread each came on. They
 * leave on the starter's events thread, in order, so {@link #awaitDelivered} tells when
 * those published before it have been heard.
 */
public class MonitoringEvents {

	private final List<JobsHealthChangedEvent> healthChanges = new CopyOnWriteArrayList<>();

	private final List<QueueBacklogEvent> backlogs = new CopyOnWriteArrayList<>();

	private final Set<String> threads = new CopyOnWriteArraySet<>();

	private final Set<UUID> markers = new CopyOnWriteArraySet<>();

	/**
	 * Wait until the events published through the starter's events publisher before this
	 * call have reached the listeners.
	 * @param publisher the starter's events publisher
	 */
	public void awaitDelivered(AsyncEventPublisher publisher) {
		UUID marker = UUID.randomUUID();
		publisher.publish(new Marker(marker));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.markers.contains(marker));
	}

	@EventListener
	void on(Marker marker) {
		this.markers.add(marker.id());
	}

	@EventListener
	void on(JobsHealthChangedEvent event) {
		this.threads.add(Thread.currentThread().getName());
		this.healthChanges.add(event);
	}

	@EventListener
	void on(QueueBacklogEvent event) {
		this.threads.add(Thread.currentThread().getName());
		this.backlogs.add(event);
	}

	public List<JobsHealthChangedEvent> healthChanges() {
		return this.healthChanges;
	}

	public List<QueueBacklogEvent> backlogs() {
		return this.backlogs;
	}

	/**
	 * The names of the threads the health and backlog events came on.
	 * @return the names
	 */
	public Set<String> threads() {
		return this.threads;
	}

	record Marker(UUID id) {

	}

}
