package dev.jobs.store.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The spacing of single enqueues' notifications, on a real clock and the real sender
 * thread.
 */
class SpacedNotificationsTests {

	private static final Duration WINDOW = Duration.ofMillis(300);

	private final List<String> sent = new CopyOnWriteArrayList<>();

	private final SpacedNotifications notifications = new SpacedNotifications(WINDOW, this.sent::add);

	@Test
	void firstEnqueueOfAQueueNotifiesAtOnceAndTheOthersInTheWindowGetOneFollowingNotification() {
		assertThat(this.notifications.notifyNow("mail")).isTrue();
		long start = System.nanoTime();
		assertThat(this.notifications.notifyNow("mail")).isFalse();
		this.notifications.heldBack("mail");
		assertThat(this.notifications.notifyNow("mail")).isFalse();
		this.notifications.heldBack("mail");
		assertThat(this.notifications.notifyNow("reports")).as("queues are spaced apart").isTrue();

		await().atMost(Duration.ofSeconds(5)).until(() -> this.sent.size() == 1);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not before the window ends")
			.isGreaterThanOrEqualTo(WINDOW.minusMillis(50));
		assertThat(this.sent).containsExactly("mail");
		assertThat(this.notifications.notifyNow("mail")).as("the following notification opened a window").isFalse();
	}

	@Test
	void enqueueHeldBackAfterTheFollowingNotificationWasSentGetsAnotherOne() {
		assertThat(this.notifications.notifyNow("mail")).isTrue();
		this.notifications.heldBack("mail");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sent.size() == 1);
		assertThat(this.notifications.notifyNow("mail")).isFalse();
		this.notifications.heldBack("mail");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sent.size() == 2);
		assertThat(this.sent).containsExactly("mail", "mail");
	}

	@Test
	void enqueueAfterTheWindowNotifiesAtOnceAgain() throws InterruptedException {
		assertThat(this.notifications.notifyNow("mail")).isTrue();
		Thread.sleep(WINDOW.toMillis() + 50);
		assertThat(this.notifications.notifyNow("mail")).isTrue();
		Thread.sleep(WINDOW.toMillis() + 50);
		assertThat(this.sent).as("nothing was held back").isEmpty();
	}

	@Test
	void failedFollowingNotificationLeavesTheSenderWorking() {
		List<String> attempts = new CopyOnWriteArrayList<>();
		SpacedNotifications failing = new SpacedNotifications(Duration.ofMillis(20), (queue) -> {
			attempts.add(queue);
			if (attempts.size() == 1) {
				throw new IllegalStateException("database down");
			}
		});
		failing.notifyNow("mail");
		failing.heldBack("mail");
		await().atMost(Duration.ofSeconds(5)).until(() -> attempts.size() == 1);
		failing.notifyNow("mail");
		failing.heldBack("mail");
		await().atMost(Duration.ofSeconds(5)).until(() -> attempts.size() == 2);
	}

}
