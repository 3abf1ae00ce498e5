package dev.jobs.testsupport;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waiting on latches from test threads that cannot throw checked exceptions.
 */
public final class Latches {

	private Latches() {
	}

	/**
	 * Wait up to 30 seconds for a latch.
	 * @param latch the latch
	 * @throws IllegalStateException if it is not released in time or the wait is
	 * interrupted
	 */
	public static void awaitQuietly(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("latch not released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
