package dev.jobs.worker;

/**
 * Why a running attempt was told to stop.
 */
enum StopReason {

	/**
	 * The job was cancelled.
	 */
	CANCELLED,

	/**
	 * The attempt ran past its timeout.
	 */
	TIMED_OUT,

	/**
	 * The node is shutting down and hands the job back.
	 */
	SHUTDOWN,

	/**
	 * The job's queue was paused while the node held it ready, and the node hands it
	 * back.
	 */
	PAUSED,

	/**
	 * The node's worker was asked to stop while it held the job ready, and hands it back.
	 */
	WORKER_STOPPED,

	/**
	 * The node lost the job: it was declared dead, or it is halting.
	 */
	LOST

}
