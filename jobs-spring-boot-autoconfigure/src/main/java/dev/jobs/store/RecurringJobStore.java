package dev.jobs.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;

/**
 * Stores recurring jobs and fires their due occurrences.
 */
public interface RecurringJobStore {

	/**
	 * The database's current instant.
	 * @return the instant
	 */
	Instant now();

	/**
	 * Every recurring job, by name.
	 * @return the recurring jobs
	 */
	List<StoredRecurringJob> findAll();

	/**
	 * One recurring job.
	 * @param name the name
	 * @return the recurring job, or empty
	 */
	Optional<StoredRecurringJob> find(String name);

	/**
	 * Store a new recurring job, or replace one with the same name, keeping its counts.
	 * @param job the recurring job
	 */
	void save(StoredRecurringJob job);

	/**
	 * Change a recurring job with its row locked, so that no node fires it in between:
	 * {@code change} is given the stored recurring job, or {@code null} if there is none,
	 * and its answer is stored unless it is the same.
	 * @param name the name
	 * @param change gives the new state
	 * @return the stored state
	 */
	StoredRecurringJob update(String name, Function<@Nullable StoredRecurringJob, StoredRecurringJob> change);

	/**
	 * Pause or resume a recurring job.
	 * @param name the name
	 * @param pausedBy who pauses it, or {@code null} to resume it
	 * @param nextRunAt its next run
	 * @return {@code false} if there is no such recurring job
	 */
	boolean setPaused(String name, StoredRecurringJob.@Nullable PausedBy pausedBy, @Nullable Instant nextRunAt);

	/**
	 * Remove a recurring job.
	 * @param name the name
	 * @return {@code false} if there was none
	 */
	boolean delete(String name);

	/**
	 * In one transaction per batch, lock due unpaused recurring jobs that no other node
	 * has locked, hand each to {@code firing}, which enqueues its occurrences in the same
	 * transaction, and store the state it returns. A row that cannot be read is reported
	 * to {@code firing} and left as it is, and so is one for which it returns
	 * {@code null}.
	 * @param limit how many recurring jobs to fire at most
	 * @param excluded the names of recurring jobs to leave out
	 * @param firing fires each due recurring job
	 * @return how many recurring jobs were due, read or not
	 */
	int fireDue(int limit, Collection<String> excluded, Firing firing);

	/**
	 * How long until the earliest unpaused recurring job is due, by the database's clock.
	 * @param excluded the names of recurring jobs to leave out
	 * @return the wait, zero or negative if one is due, or {@code null} if none is
	 * scheduled
	 */
	@Nullable Duration untilNextDue(Collection<String> excluded);

	/**
	 * Whether a job is still unfinished.
	 * @param id the job id
	 * @return whether it is scheduled, pending or running
	 */
	boolean isUnfinished(JobId id);

	/**
	 * Fires one due recurring job, called by {@link #fireDue} in the transaction that
	 * holds its row locked, so that no other node fires the same occurrences.
	 */
	interface Firing {

		/**
		 * Enqueue the occurrences of a due recurring job, in the caller's transaction.
		 * @param due the recurring job, its row locked
		 * @param now the database's time
		 * @return its new state, or {@code null} to leave it as it is
		 */
		@Nullable StoredRecurringJob fire(StoredRecurringJob due, Instant now);

		/**
		 * A due row cannot be read; it is left as it is.
		 * @param name the recurring job's name
		 * @param ex why
		 */
		void unreadable(String name, RuntimeException ex);

	}

}
