package dev.jobs.worker;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobRequest;
import dev.jobs.engine.AfterCommit;
import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.engine.NewJobFactory;
import dev.jobs.recurring.OccurrenceJobs;
import dev.jobs.store.NewJob;

/**
 * The occurrences of recurring jobs as the engine's jobs: built by the
 * {@link NewJobFactory}, and told to the {@link JobLifecycleListener} after the commit.
 */
final class RecurringOccurrences implements OccurrenceJobs {

	private final NewJobFactory factory;

	private final JobLifecycleListener listener;

	/**
	 * Create the occurrences.
	 * @param factory builds the occurrences' jobs
	 * @param listener is told of fired and skipped occurrences
	 */
	RecurringOccurrences(NewJobFactory factory, JobLifecycleListener listener) {
		this.factory = factory;
		this.listener = listener;
	}

	@Override
	public NewJob create(JobRequest request, @Nullable String payloadJson) {
		return this.factory.create(request, payloadJson);
	}

	@Override
	public void fired(String recurringName, NewJob job, Instant occurrence, @Nullable Instant nextRunAt) {
		AfterCommit.run(() -> {
			this.listener.jobEnqueued(job);
			this.listener.recurringJobFired(recurringName, job, occurrence, nextRunAt);
		});
	}

	@Override
	public void skipped(String recurringName, Instant occurrence) {
		AfterCommit.run(() -> this.listener.recurringOccurrenceSkipped(recurringName, occurrence));
	}

}
