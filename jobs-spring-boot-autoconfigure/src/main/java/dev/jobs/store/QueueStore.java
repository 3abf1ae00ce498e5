package dev.jobs.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.jobs.JobId;
import dev.jobs.JobsThroughput;

/**
 * The cluster-wide state of queues: which are paused, the draining of a queue's jobs that
 * have not started, and the rate at which queues complete jobs.
 */
public interface QueueStore {

	/**
	 * Mark a queue paused for every node.
	 * @param queue the queue name
	 * @return whether it was not paused before
	 */
	boolean pause(String queue);

	/**
	 * Mark a queue no longer paused.
	 * @param queue the queue name
	 * @return whether it was paused before
	 */
	boolean resume(String queue);

	/**
	 * The queues paused for every node.
	 * @return their names
	 */
	Set<String> paused();

	/**
	 * Cancel one batch of a queue's jobs that have not started, in one transaction of its
	 * own. Rows another transaction holds are waited for rather than skipped: a claim
	 * that takes them wins, and a locking read that holds rows beyond its match (InnoDB
	 * under repeatable read) cannot make a drain stop early.
	 * @param queue the queue name
	 * @param limit the most jobs to cancel
	 * @return the cancelled jobs; fewer than {@code limit} when none is left
	 */
	List<DrainedJob> drain(String queue, int limit);

	/**
	 * How many jobs each queue completed within a window up to now, by the database's
	 * clock.
	 * @param window the window
	 * @return the counts by queue; queues that completed none are left out
	 */
	Map<String, Long> completedWithin(Duration window);

	/**
	 * How many jobs of each queue completed and failed in each minute of a window up to
	 * now, by the database's clock.
	 * @param window the window
	 * @return one entry per minute and queue that had jobs end, oldest first
	 */
	List<JobsThroughput> throughput(Duration window);

	/**
	 * A job cancelled by a drain.
	 *
	 * @param id its id
	 * @param name its name
	 */
	record DrainedJob(JobId id, String name) {

	}

}
