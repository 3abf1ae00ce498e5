package dev.jobs.engine;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work once the current transaction commits, or at once when there is none.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	/**
	 * Runs the work after the current transaction commits, or now when there is none.
	 * @param work the work
	 */
	public static void run(Runnable work) {
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					work.run();
				}

			});
		}
		else {
			work.run();
		}
	}

}
