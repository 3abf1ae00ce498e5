package dev.jobs.store;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;

/**
 * A recurring job as stored: its definition and its state.
 *
 * @param definition the definition
 * @param paused whether it is paused
 * @param runs how many occurrences ran
 * @param skipped how many occurrences were skipped because the previous was unfinished
 * @param nextRunAt when it runs next, or {@code null} if never again
 * @param lastRunAt the last occurrence that ran, or {@code null}
 * @param lastJobId the job of the last occurrence, or {@code null}
 */
public record StoredRecurringJob(RecurringDefinition definition, boolean paused, long runs, long skipped,
		@Nullable Instant nextRunAt, @Nullable Instant lastRunAt, @Nullable JobId lastJobId) {

	/**
	 * The recurring job's name.
	 * @return the name
	 */
	public String name() {
		return this.definition.name();
	}

}
