package dev.jobs.store.jdbc;

import java.util.List;

import dev.jobs.store.FinishedAttempt;
import dev.jobs.store.jdbc.dialect.AttemptUpdateAlgorithm;

/**
 * One way of updating the rows of ended attempts, each only while its job still runs
 * under the attempt's owner and fencing token, with its statements and their binding: the
 * {@link AttemptUpdateAlgorithm} of the dialect.
 */
interface AttemptUpdates {

	/**
	 * Update the rows of the attempts that still own their job, in the caller's
	 * transaction. An attempt that would put its job back in line while its cancel was
	 * requested is recorded as a cancellation.
	 * @param attempts the ended attempts
	 * @return the attempts recorded, as recorded
	 */
	List<FinishedAttempt> update(List<FinishedAttempt> attempts);

	/**
	 * The updates of the dialect's algorithm.
	 * @param ends the statements of the ends of attempts
	 * @return the updates
	 */
	static AttemptUpdates of(AttemptEnds ends) {
		return switch (ends.access().dialect().attemptUpdateAlgorithm()) {
			case UPDATE_RETURNING -> new ReturningAttemptUpdates(ends);
			case LOCK_THEN_UPDATE -> new LockedAttemptUpdates(ends);
		};
	}

}
