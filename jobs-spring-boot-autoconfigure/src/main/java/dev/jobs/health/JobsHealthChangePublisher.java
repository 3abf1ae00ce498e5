package dev.jobs.health;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;

import dev.jobs.event.JobsHealthChangedEvent;

/**
 * Evaluates the health each time it runs and publishes a {@link JobsHealthChangedEvent}
 * when the status differs from the last one; the node is taken to be {@code UP} at start.
 * Run periodically by {@link dev.jobs.engine.PeriodicChecks}, so changes are seen even
 * when nobody asks the health endpoint.
 */
public class JobsHealthChangePublisher implements Runnable {

	private static final Log logger = LogFactory.getLog(JobsHealthChangePublisher.class);

	private final JobsHealthEvaluator evaluator;

	private final ApplicationEventPublisher publisher;

	private String status = JobsHealthSnapshot.UP;

	/**
	 * Create the publisher.
	 * @param evaluator computes the health
	 * @param publisher publishes the events
	 */
	public JobsHealthChangePublisher(JobsHealthEvaluator evaluator, ApplicationEventPublisher publisher) {
		this.evaluator = evaluator;
		this.publisher = publisher;
	}

	@Override
	public synchronized void run() {
		JobsHealthSnapshot snapshot = this.evaluator.evaluate();
		String previous = this.status;
		if (!snapshot.status().equals(previous)) {
			this.status = snapshot.status();
			logger.info("Jobs health changed from " + previous + " to " + snapshot.status()
					+ (snapshot.details().containsKey("reason") ? " (" + snapshot.details().get("reason") + ")" : ""));
			this.publisher.publishEvent(new JobsHealthChangedEvent(previous, snapshot.status()));
		}
	}

	@Override
	public String toString() {
		return "jobs health change publisher";
	}

}
