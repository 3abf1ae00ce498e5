package dev.jobs;

/**
 * Something about the jobs that needs an operator's attention.
 *
 * @param kind what kind of problem it is
 * @param subject what it is about: a job name, a node, a queue
 * @param message what is wrong, in a sentence
 * @since 0.1.0
 */
public record JobsProblem(Kind kind, String subject, String message) {

	/**
	 * The kinds of problems.
	 */
	public enum Kind {

		/**
		 * Pending jobs of a name that no live node has a handler for.
		 */
		UNHANDLED_JOBS,

		/**
		 * Handler threads of this node that outlived their timeout or cancellation.
		 */
		STUCK_THREADS,

		/**
		 * A node that stopped heartbeating.
		 */
		SILENT_NODE,

		/**
		 * This node's attempts fail more often than
		 * {@code jobs.health.failure-rate-threshold}.
		 */
		FAILURE_RATE,

		/**
		 * A queue holds more pending jobs than its
		 * {@code jobs.queues.<name>.backlog-threshold}.
		 */
		QUEUE_BACKLOG

	}

}
