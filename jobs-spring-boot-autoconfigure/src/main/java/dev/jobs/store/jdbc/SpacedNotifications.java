package dev.jobs.store.jdbc;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Spaces out the notifications of jobs enqueued one statement at a time, per queue: the
 * first due enqueue of a queue notifies in its own statement; the ones in the
 * {@code window} after it do not, and once that window has passed one notification
 * follows for all of them, sent after they committed. A stream of single enqueues thus
 * costs about two notifications per window instead of one each (every notification takes
 * PostgreSQL's notification queue lock at commit and wakes every listening connection),
 * and another node still hears of each job at most a window later.
 *
 * <p>
 * The following notifications are sent by a daemon thread, {@code jobs-notifier}, that
 * exists only while one is pending.
 */
final class SpacedNotifications {

	private static final Log logger = LogFactory.getLog(SpacedNotifications.class);

	private final long windowNanos;

	private final Consumer<String> send;

	private final Map<String, Long> lastSent = new ConcurrentHashMap<>();

	private final Set<String> following = ConcurrentHashMap.newKeySet();

	private final ScheduledThreadPoolExecutor sender;

	/**
	 * Create the spacing of one writer's notifications.
	 * @param window how long after a notification of a queue the next one waits
	 * @param send sends a notification of a queue in a statement of its own
	 */
	SpacedNotifications(Duration window, Consumer<String> send) {
		this.windowNanos = window.toNanos();
		this.send = send;
		this.sender = OnDemandThread.named("jobs-notifier");
	}

	/**
	 * Whether the enqueue about to be stored notifies in its own statement: whether no
	 * notification of its queue went out within the window.
	 * @param queue the job's queue
	 * @return whether to notify now; if not, call {@link #heldBack(String)} once the
	 * enqueue committed
	 */
	boolean notifyNow(String queue) {
		long now = System.nanoTime();
		Long last = this.lastSent.get(queue);
		if (last != null && now - last < this.windowNanos) {
			return false;
		}
		this.lastSent.put(queue, now);
		return true;
	}

	/**
	 * Have a notification of the queue follow at the end of the window, for an enqueue
	 * that committed without one.
	 * @param queue the job's queue
	 */
	void heldBack(String queue) {
		if (!this.following.add(queue)) {
			return;
		}
		long last = this.lastSent.getOrDefault(queue, System.nanoTime());
		long delay = Math.max(0, last + this.windowNanos - System.nanoTime());
		this.sender.schedule(() -> sendFollowing(queue), delay, TimeUnit.NANOSECONDS);
	}

	private void sendFollowing(String queue) {
		// an enqueue held back from here on schedules a notification of its own
		this.following.remove(queue);
		this.lastSent.put(queue, System.nanoTime());
		try {
			this.send.accept(queue);
		}
		catch (RuntimeException ex) {
			// polling picks the jobs up
			logger.debug("Could not notify other nodes of jobs enqueued in queue '" + queue + "'", ex);
		}
	}

}
