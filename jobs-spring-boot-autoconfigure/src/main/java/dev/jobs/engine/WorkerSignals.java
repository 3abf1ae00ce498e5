package dev.jobs.engine;

import dev.jobs.JobId;

/**
 * What enqueueing and cancelling tell this node's worker, if it has one.
 */
public interface WorkerSignals {

	/**
	 * Signals for a node without a worker: nothing to tell.
	 */
	WorkerSignals NONE = new WorkerSignals() {
	};

	/**
	 * Jobs were committed to the store; a worker polls at once.
	 */
	default void jobsEnqueued() {
	}

	/**
	 * A recurring job was scheduled or resumed; a worker looks at its next run at once.
	 */
	default void schedulesChanged() {
	}

	/**
	 * A running job was asked to stop; a worker that runs it stops it at once.
	 * @param id the job id
	 */
	default void cancelRequested(JobId id) {
	}

}
