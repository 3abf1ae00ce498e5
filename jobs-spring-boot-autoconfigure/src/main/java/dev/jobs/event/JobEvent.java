package dev.jobs.event;

import dev.jobs.JobId;

/**
 * An application event about one job. Listen with {@code @EventListener}, and filter by
 * job name with {@code condition = "#event.name() == 'send-email'"}.
 *
 * @since 0.1.0
 */
public interface JobEvent {

	/**
	 * The job's id.
	 * @return the id
	 */
	JobId jobId();

	/**
	 * The job's name.
	 * @return the name
	 */
	String name();

	/**
	 * The job's queue.
	 * @return the queue name
	 */
	String queue();

}
