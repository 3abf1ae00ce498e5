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
 * @param pausedBy who paused it, or {@code null} while it is not paused
 */
public record StoredRecurringJob(RecurringDefinition definition, boolean paused, long runs, long skipped,
		@Nullable Instant nextRunAt, @Nullable Instant lastRunAt, @Nullable JobId lastJobId,
		@Nullable PausedBy pausedBy) {

	/**
	 * Who paused a recurring job, and so what may resume it.
	 */
	public enum PausedBy {

		/**
		 * {@code jobs.recurring.<name>.enabled=false}: configuration resumes it when the
		 * property goes or turns {@code true}.
		 */
		CONFIGURATION,

		/**
		 * Its annotation or configuration is gone: declaring it again resumes it.
		 */
		UNDECLARED,

		/**
		 * {@code Jobs.pauseRecurring}: only {@code Jobs.resumeRecurring} resumes it.
		 */
		API

	}

	/**
	 * This recurring job with another definition.
	 * @param definition the definition
	 * @return the recurring job
	 */
	public StoredRecurringJob withDefinition(RecurringDefinition definition) {
		return new StoredRecurringJob(definition, this.paused, this.runs, this.skipped, this.nextRunAt, this.lastRunAt,
				this.lastJobId, this.pausedBy);
	}

	/**
	 * The recurring job's name.
	 * @return the name
	 */
	public String name() {
		return this.definition.name();
	}

}
