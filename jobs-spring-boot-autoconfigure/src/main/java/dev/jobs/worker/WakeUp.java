package dev.jobs.worker;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Wakes the poller: it sleeps until its time is up, until woken, or until the worker
 * stops. A wake-up that comes while it is awake is kept, so that its next sleep returns
 * at once.
 */
final class WakeUp {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition condition = this.lock.newCondition();

	private boolean requested;

	/**
	 * Wake the poller, or have its next sleep return at once.
	 */
	void wake() {
		this.lock.lock();
		try {
			this.requested = true;
			this.condition.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Sleep until the time is up, a wake-up comes, or the worker stops.
	 * @param duration the longest sleep
	 * @param running whether the worker still runs
	 */
	void sleep(Duration duration, BooleanSupplier running) {
		this.lock.lock();
		try {
			long nanos = duration.toNanos();
			while (!this.requested && running.getAsBoolean() && nanos > 0) {
				nanos = this.condition.awaitNanos(nanos);
			}
			this.requested = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.lock.unlock();
		}
	}

}
