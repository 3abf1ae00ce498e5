package dev.jobs.engine;

import java.time.Duration;

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
	 * A job was committed to the store that is due after a delay; a worker polls again
	 * when it is due, if that is before its next poll.
	 * @param delay how long from now it is due
	 */
	default void jobDueIn(Duration delay) {
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

	/**
	 * A queue was paused or resumed, or workers were started or stopped, across the
	 * cluster; a worker reads them again at once.
	 */
	default void controlsChanged() {
	}

}
