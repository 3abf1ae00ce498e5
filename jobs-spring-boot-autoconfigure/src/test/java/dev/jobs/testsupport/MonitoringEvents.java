package dev.jobs.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;

import dev.jobs.event.JobsHealthChangedEvent;
import dev.jobs.event.QueueBacklogEvent;

/**
 * Collects the events that are not tied to one job.
 */
public class MonitoringEvents {

	private final List<JobsHealthChangedEvent> healthChanges = new CopyOnWriteArrayList<>();

	private final List<QueueBacklogEvent> backlogs = new CopyOnWriteArrayList<>();

	@EventListener
	void on(JobsHealthChangedEvent event) {
		this.healthChanges.add(event);
	}

	@EventListener
	void on(QueueBacklogEvent event) {
		this.backlogs.add(event);
	}

	public List<JobsHealthChangedEvent> healthChanges() {
		return this.healthChanges;
	}

	public List<QueueBacklogEvent> backlogs() {
		return this.backlogs;
	}

}
