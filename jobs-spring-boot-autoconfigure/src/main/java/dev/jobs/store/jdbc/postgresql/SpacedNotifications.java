package dev.jobs.store.jdbc.postgresql;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.jobs.support.BackgroundThreads;

/**
 * Spaces out the notifications of jobs enqueued one statement at a time, per queue. The
 * first due enqueue of a queue notifies in its own statement; the ones in the window
 * after it do not. The first enqueue after the window notifies in its own statement
 * again, which also tells of the ones held back before it, since they committed before it
 * was stored. Should none come, one notification follows two windows after the last one,
 * sent after the held-back enqueues committed.
 * <p>
 * The window is short for a lone enqueue and doubles, up to a longest window, while
 * enqueues keep coming: each notification of a stream wakes nodes that are then busy with
 * the stream, and each costs PostgreSQL far more than an insert (the notification queue's
 * lock at commit, a wake-up of every listening connection). A notification sent after a
 * window without held-back enqueues, or following a stream, starts again from the
 * shortest window. Another node hears of each job at most two windows later.
 * <p>
 * The following notifications are sent by a daemon thread, {@code jobs-notifier}, that
 * exists only while one is pending.
 */
public final class SpacedNotifications {

	private static final Log logger = LogFactory.getLog(SpacedNotifications.class);

	private final long shortestWindow;

	private final long longestWindow;

	private final Consumer<String> send;

	private final Map<String, QueueNotifications> queues = new ConcurrentHashMap<>();

	private final ScheduledThreadPoolExecutor sender;

	/**
	 * Create the spacing of one writer's notifications.
	 * @param shortestWindow the window after a notification of a lone enqueue
	 * @param longestWindow the longest window, reached by doubling while a stream lasts
	 * @param send sends a notification of a queue in a statement of its own
	 */
	public SpacedNotifications(Duration shortestWindow, Duration longestWindow, Consumer<String> send) {
		this.shortestWindow = shortestWindow.toNanos();
		this.longestWindow = Math.max(this.shortestWindow, longestWindow.toNanos());
		this.send = send;
		this.sender = BackgroundThreads.onDemand("jobs-notifier");
	}

	/**
	 * Whether the enqueue about to be stored notifies in its own statement: whether the
	 * window after the last notification of its queue has passed.
	 * @param queue the job's queue
	 * @return whether to notify now; if not, call {@link #heldBack(String)} once the
	 * enqueue committed; if so and the enqueue then fails, call it too
	 */
	public boolean notifyNow(String queue) {
		QueueNotifications notifications = this.queues.computeIfAbsent(queue, (name) -> new QueueNotifications());
		long now = System.nanoTime();
		synchronized (notifications) {
			if (notifications.sent && now - notifications.sentAt < notifications.window) {
				return false;
			}
			notifications.window = notifications.heldBack ? Math.min(2 * notifications.window, this.longestWindow)
					: this.shortestWindow;
			notifications.sent(now);
			return true;
		}
	}

	/**
	 * Make sure a notification of the queue follows an enqueue that committed without
	 * one: the next enqueue's own, or else one sent two windows after the last.
	 * @param queue the job's queue
	 */
	public void heldBack(String queue) {
		QueueNotifications notifications = this.queues.computeIfAbsent(queue, (name) -> new QueueNotifications());
		long wait;
		synchronized (notifications) {
			notifications.heldBack = true;
			if (notifications.following) {
				return;
			}
			notifications.following = true;
			wait = notifications.followingWait();
		}
		scheduleFollowing(queue, notifications, wait);
	}

	private void scheduleFollowing(String queue, QueueNotifications notifications, long wait) {
		this.sender.schedule(() -> sendFollowing(queue, notifications), Math.max(0, wait), TimeUnit.NANOSECONDS);
	}

	private void sendFollowing(String queue, QueueNotifications notifications) {
		synchronized (notifications) {
			if (!notifications.heldBack) {
				// an enqueue stored after the held-back ones committed notified in its
				// statement; one held back from here on schedules a notification anew
				notifications.following = false;
				return;
			}
			long wait = notifications.followingWait();
			if (wait > 0) {
				// the last notification may be newer, and its window longer, than when
				// this one was scheduled
				scheduleFollowing(queue, notifications, wait);
				return;
			}
			notifications.following = false;
			notifications.window = this.shortestWindow;
			notifications.sent(System.nanoTime());
		}
		try {
			this.send.accept(queue);
		}
		catch (RuntimeException ex) {
			// polling picks the jobs up
			logger.debug("Could not notify other nodes of jobs enqueued in queue '" + queue + "'", ex);
		}
	}

	/**
	 * The spacing of one queue's notifications.
	 */
	private final class QueueNotifications {

		private boolean sent;

		private long sentAt;

		private long window = SpacedNotifications.this.shortestWindow;

		/**
		 * Whether an enqueue committed without a notification after the last one.
		 */
		private boolean heldBack;

		private boolean following;

		/**
		 * How long from now a following notification is due: two windows after the last
		 * notification.
		 */
		private long followingWait() {
			return this.sent ? this.sentAt + 2 * this.window - System.nanoTime() : 0;
		}

		private void sent(long at) {
			this.sent = true;
			this.sentAt = at;
			this.heldBack = false;
		}

	}

}
