package dev.jobs.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
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
	 * has locked, let {@code firing} enqueue their occurrences (in the same transaction)
	 * and store the state it returns. A row that cannot be read is reported and left as
	 * it is, and so is one for which {@code firing} returns {@code null}.
	 * @param limit how many recurring jobs to fire at most
	 * @param excluded the names of recurring jobs to leave out
	 * @param firing given a due recurring job and the database's time, enqueues its
	 * occurrences and returns its new state, or {@code null} to leave it as it is
	 * @param unreadable told of each row that cannot be read, by name
	 * @return how many recurring jobs were due, read or not
	 */
	int fireDue(int limit, Collection<String> excluded,
			BiFunction<StoredRecurringJob, Instant, @Nullable StoredRecurringJob> firing,
			BiConsumer<String, RuntimeException> unreadable);

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

}
