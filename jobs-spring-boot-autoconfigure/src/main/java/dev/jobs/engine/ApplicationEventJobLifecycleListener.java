package dev.jobs.engine;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;
import dev.jobs.event.JobCancelledEvent;
import dev.jobs.event.JobEnqueuedEvent;
import dev.jobs.event.JobEvent;
import dev.jobs.event.JobFailedEvent;
import dev.jobs.event.JobStartedEvent;
import dev.jobs.event.RecurringJobScheduledEvent;
import dev.jobs.store.AttemptResult;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.NewJob;
import dev.jobs.store.RescuedJob;

/**
 * Turns lifecycle callbacks into the Spring application events of {@code dev.jobs.event},
 * published asynchronously.
 */
public class ApplicationEventJobLifecycleListener implements JobLifecycleListener {

	private final AsyncEventPublisher publisher;

	/**
	 * Create the listener.
	 * @param publisher publishes the events
	 */
	public ApplicationEventJobLifecycleListener(AsyncEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void jobEnqueued(NewJob job) {
		this.publisher.publish(new JobEnqueuedEvent(job.id(), job.name(), job.queue(), job.priority(), job.runAt()));
	}

	@Override
	public void jobStarted(ClaimedJob job) {
		this.publisher.publish(
				new JobStartedEvent(job.id(), job.name(), job.queue(), job.attempt(), job.owner(), job.startedAt()));
	}

	@Override
	public void attemptEnded(ClaimedJob job, AttemptResult result, @Nullable Object value, Duration duration) {
		JobEvent event = result.event(job, value, duration);
		if (event != null) {
			this.publisher.publish(event);
		}
	}

	@Override
	public void jobCancelled(JobId id, String name, String queue, @Nullable Duration duration) {
		this.publisher.publish(new JobCancelledEvent(id, name, queue));
	}

	@Override
	public void recurringJobFired(String recurringName, NewJob job, Instant occurrence, @Nullable Instant nextRunAt) {
		this.publisher
			.publish(new RecurringJobScheduledEvent(job.id(), recurringName, job.queue(), occurrence, nextRunAt));
	}

	@Override
	public void jobRescued(RescuedJob job) {
		if (job.failed()) {
			this.publisher.publish(new JobFailedEvent(job.id(), job.name(), job.queue(), job.attempts(),
					"Interrupted: node " + job.deadNode() + " stopped heartbeating; no attempts left"));
		}
	}

}
