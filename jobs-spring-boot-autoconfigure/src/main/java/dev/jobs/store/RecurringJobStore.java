package dev.jobs.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

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
	 * Pause or resume a recurring job.
	 * @param name the name
	 * @param paused whether to pause it
	 * @param nextRunAt its next run
	 * @return {@code false} if there is no such recurring job
	 */
	boolean setPaused(String name, boolean paused, @Nullable Instant nextRunAt);

	/**
	 * Remove a recurring job.
	 * @param name the name
	 * @return {@code false} if there was none
	 */
	boolean delete(String name);

	/**
	 * In one transaction per batch, lock due unpaused recurring jobs that no other node
	 * has locked, let {@code firing} enqueue their occurrences (in the same transaction)
	 * and store the state it returns.
	 * @param limit how many recurring jobs to fire at most
	 * @param firing given a due recurring job and the database's time, enqueues its
	 * occurrences and returns its new state
	 * @return how many recurring jobs were fired
	 */
	int fireDue(int limit, BiFunction<StoredRecurringJob, Instant, StoredRecurringJob> firing);

	/**
	 * How long until the earliest unpaused recurring job is due, by the database's clock.
	 * @return the wait, zero or negative if one is due, or {@code null} if none is
	 * scheduled
	 */
	@Nullable Duration untilNextDue();

	/**
	 * Whether a job is still unfinished.
	 * @param id the job id
	 * @return whether it is scheduled, pending or running
	 */
	boolean isUnfinished(JobId id);

}
