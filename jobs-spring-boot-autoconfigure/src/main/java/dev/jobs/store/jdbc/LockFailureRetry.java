package dev.jobs.store.jdbc;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.PessimisticLockingFailureException;

import dev.jobs.store.StoreFailures;
import dev.jobs.store.StoreRetryListener;

/**
 * Retries a unit of work that a deadlock or a lock wait time-out ended, as MySQL and
 * MariaDB report under contention (errors 1213 and 1205), so that they never surface as
 * job failures. Work inside a caller's transaction is not retried: the whole transaction
 * was rolled back and only its owner can repeat it. Each retry is reported with its
 * reason ({@code deadlock} or {@code lock-wait}).
 */
final class LockFailureRetry {

	private static final Log logger = LogFactory.getLog(LockFailureRetry.class);

	private static final int MAX_TRIES = 8;

	private LockFailureRetry() {
	}

	/**
	 * Run work that owns its transaction, again after a lock failure.
	 * @param <T> the result type
	 * @param work the work, which begins and ends a transaction of its own
	 * @param retries hears of each retry
	 * @return its result
	 */
	static <T> T retrying(Supplier<T> work, StoreRetryListener retries) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt >= MAX_TRIES) {
					throw ex;
				}
				logger.debug("Retrying jobs store operation after lock failure (try " + attempt + ")", ex);
				String reason = StoreFailures.lockReason(ex);
				retries.retried((reason != null) ? reason : StoreFailures.LOCK_WAIT);
				sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
