package dev.jobs.store;

import java.util.List;
import java.util.Optional;

import dev.jobs.Job;
import dev.jobs.JobExecution;
import dev.jobs.JobId;
import dev.jobs.JobQuery;
import dev.jobs.JobStats;

/**
 * Reads jobs and their history.
 */
public interface JobQueries {

	/**
	 * One job.
	 * @param id the job id
	 * @return the job, or empty
	 */
	Optional<Job> get(JobId id);

	/**
	 * The jobs that match a query.
	 * @param query the query
	 * @return the page
	 */
	List<Job> query(JobQuery query);

	/**
	 * How many jobs match a query's filters.
	 * @param query the query
	 * @return the count
	 */
	long count(JobQuery query);

	/**
	 * How many jobs match a query's filters, reading no more than {@code atMost} of them.
	 * @param query the query
	 * @param atMost the bound, at least 1
	 * @return the count, or {@code atMost} if at least that many match
	 */
	long count(JobQuery query, long atMost);

	/**
	 * Counts by queue and status.
	 * @return the stats
	 */
	JobStats stats();

	/**
	 * A job's executions, oldest first.
	 * @param id the job id
	 * @return the executions
	 */
	List<JobExecution> history(JobId id);

}
