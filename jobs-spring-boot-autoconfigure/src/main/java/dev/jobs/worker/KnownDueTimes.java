package dev.jobs.worker;

import java.time.Duration;
import java.util.concurrent.ConcurrentSkipListSet;

import org.jspecify.annotations.Nullable;

/**
 * The due times of jobs that this node knows of before its next poll: its own retries,
 * once written, and the jobs enqueued on it with a short delay. The poller wakes at the
 * earliest rather than at its next poll. A bounded number are kept, the earliest; the
 * others are found by the polls.
 */
final class KnownDueTimes {

	private static final int MAX_KEPT = 1024;

	private final ConcurrentSkipListSet<Long> deadlines = new ConcurrentSkipListSet<>();

	/**
	 * Note a job due after a delay, from now.
	 * @param delay the delay
	 */
	void dueIn(Duration delay) {
		if (delay.isNegative() || delay.isZero()) {
			return;
		}
		this.deadlines.add(System.nanoTime() + delay.toNanos());
		while (this.deadlines.size() > MAX_KEPT) {
			this.deadlines.pollLast();
		}
	}

	/**
	 * Forget the due times that passed, and tell how long until the earliest other.
	 * @return the wait, or {@code null} if none is known
	 */
	@Nullable Duration untilEarliest() {
		long now = System.nanoTime();
		Long earliest;
		while ((earliest = first()) != null && earliest - now <= 0) {
			this.deadlines.remove(earliest);
		}
		return (earliest != null) ? Duration.ofNanos(earliest - now) : null;
	}

	private @Nullable Long first() {
		return this.deadlines.ceiling(Long.MIN_VALUE);
	}

}
