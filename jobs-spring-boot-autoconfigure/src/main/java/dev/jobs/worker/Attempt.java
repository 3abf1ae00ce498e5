package dev.jobs.worker;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

import dev.jobs.store.ClaimedJob;

/**
 * One running attempt on this node. Whoever first claims its settlement (the handler's
 * thread on return, or a timeout, cancellation, shutdown or loss) decides how it ends;
 * the others drop their outcome. The handler's thread is interrupted only while it is
 * inside the handler, never while it writes to the database.
 */
final class Attempt {

	private final ClaimedJob job;

	private final long startNanos = System.nanoTime();

	private final AtomicBoolean settled = new AtomicBoolean();

	private volatile @Nullable StopReason stopReason;

	private @Nullable Thread handlerThread;

	private volatile @Nullable Future<?> timeout;

	Attempt(ClaimedJob job) {
		this.job = job;
	}

	ClaimedJob job() {
		return this.job;
	}

	long elapsedMillis() {
		return (System.nanoTime() - this.startNanos) / 1_000_000;
	}

	boolean claimSettlement() {
		boolean claimed = this.settled.compareAndSet(false, true);
		Future<?> timeoutTask = this.timeout;
		if (claimed && timeoutTask != null) {
			timeoutTask.cancel(false);
		}
		return claimed;
	}

	boolean isSettled() {
		return this.settled.get();
	}

	@Nullable StopReason stopReason() {
		return this.stopReason;
	}

	void timeout(Future<?> timeoutTask) {
		this.timeout = timeoutTask;
	}

	synchronized void enterHandler() {
		this.handlerThread = Thread.currentThread();
	}

	/**
	 * Leave the handler, clearing any interrupt meant for it.
	 * @return whether the thread had been told to stop
	 */
	synchronized boolean leaveHandler() {
		this.handlerThread = null;
		Thread.interrupted();
		return this.stopReason != null;
	}

	synchronized boolean isInHandler() {
		return this.handlerThread != null;
	}

	synchronized void requestStop(StopReason reason) {
		if (this.stopReason == null) {
			this.stopReason = reason;
		}
		if (this.handlerThread != null) {
			this.handlerThread.interrupt();
		}
	}

}
