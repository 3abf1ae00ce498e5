package dev.jobs.worker;

import java.time.Duration;

/**
 * Whether the ends of attempts get through to the database: when a batch last committed
 * (or the first of the waiting ends came), and whether the last try of a batch failed.
 */
final class CommitProgress {

	private volatile long lastProgressNanos = System.nanoTime();

	private volatile boolean failing;

	/**
	 * An end came while none was waiting: the stall is counted from now.
	 */
	void waiting() {
		this.lastProgressNanos = System.nanoTime();
	}

	/**
	 * A batch committed.
	 */
	void committed() {
		this.lastProgressNanos = System.nanoTime();
		this.failing = false;
	}

	/**
	 * A try of a batch failed transiently.
	 */
	void failed() {
		this.failing = true;
	}

	/**
	 * Forget a failed try: the committer starts, or the ends being retried were given up.
	 */
	void reset() {
		this.failing = false;
	}

	/**
	 * Whether waiting ends keep up: a batch committed within the stall and the last try
	 * of a batch did not fail.
	 * @param stall how long ends may wait without a batch committing
	 * @return whether the ends keep up
	 */
	boolean keepingUp(Duration stall) {
		return !this.failing && System.nanoTime() - this.lastProgressNanos < stall.toNanos();
	}

}
