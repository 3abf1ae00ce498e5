package dev.jobs;

import org.springframework.context.SmartLifecycle;

/**
 * The worker of this node: it claims due jobs and runs their handlers. It starts with the
 * application context unless {@code jobs.worker.auto-start=false}; a node with
 * {@code jobs.worker.enabled=false} has none.
 *
 * <p>
 * {@link #stop()} is graceful, as at shutdown: the worker stops claiming, waits up to
 * {@code jobs.worker.shutdown-timeout} for running handlers, then interrupts the rest and
 * hands their jobs back so that any node can run them at once.
 *
 * @since 0.1.0
 */
public interface JobWorker extends SmartLifecycle {

	/**
	 * The name of this node, as recorded in job executions.
	 * @return the node name
	 */
	String nodeName();

	/**
	 * How many jobs run on this node now.
	 * @return the number of running jobs
	 */
	int activeJobs();

	/**
	 * How many jobs may run on this node at once.
	 * @return the capacity
	 */
	int capacity();

}
