package dev.jobs.store.jdbc.postgresql;

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

	private final SpacedNotifications notifications = new SpacedNotifications(WINDOW, WINDOW, this.sent::add);

	@Test
	void firstEnqueueOfAQueueNotifiesAtOnceAndTheOthersInTheWindowGetOneFollowingNotificationWhenNoEnqueueComes() {
		assertThat(this.notifications.notifyNow("mail")).isTrue();
		long start = System.nanoTime();
		assertThat(this.notifications.notifyNow("mail")).isFalse();
		this.notifications.heldBack("mail");
		assertThat(this.notifications.notifyNow("mail")).isFalse();
		this.notifications.heldBack("mail");
		assertThat(this.notifications.notifyNow("reports")).as("queues are spaced apart").isTrue();

		await().atMost(Duration.ofSeconds(5)).until(() -> this.sent.size() == 1);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not before the next enqueue had two windows")
			.isGreaterThanOrEqualTo(WINDOW.multipliedBy(2).minusMillis(50));
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
	void enqueueAfterTheWindowNotifiesForTheHeldBackOnesSoNoneFollows() throws InterruptedException {
		assertThat(this.notifications.notifyNow("mail")).isTrue();
		assertThat(this.notifications.notifyNow("mail")).isFalse();
		this.notifications.heldBack("mail");
		Thread.sleep(WINDOW.toMillis() + 50);
		assertThat(this.notifications.notifyNow("mail")).as("the window has passed").isTrue();
		Thread.sleep(WINDOW.toMillis() * 2 + 100);
		assertThat(this.sent).as("the enqueue's own notification told of the held-back one").isEmpty();
	}

	@Test
	void enqueueThatWasToNotifyButFailedLeavesTheHeldBackOnesAFollowingNotification() throws InterruptedException {
		assertThat(this.notifications.notifyNow("mail")).isTrue();
		assertThat(this.notifications.notifyNow("mail")).isFalse();
		this.notifications.heldBack("mail");
		Thread.sleep(WINDOW.toMillis() + 50);
		assertThat(this.notifications.notifyNow("mail")).isTrue();
		this.notifications.heldBack("mail");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sent.size() == 1);
		assertThat(this.sent).containsExactly("mail");
	}

	@Test
	void windowDoublesWhileEnqueuesKeepComingAndStartsAgainAfterALoneOne() throws InterruptedException {
		long shortest = 200;
		SpacedNotifications doubling = new SpacedNotifications(Duration.ofMillis(shortest),
				Duration.ofMillis(4 * shortest), this.sent::add);
		assertThat(doubling.notifyNow("mail")).isTrue();
		assertThat(doubling.notifyNow("mail")).isFalse();
		doubling.heldBack("mail");
		Thread.sleep(shortest + 50);
		assertThat(doubling.notifyNow("mail")).as("the shortest window has passed").isTrue();
		assertThat(doubling.notifyNow("mail")).isFalse();
		doubling.heldBack("mail");
		Thread.sleep(shortest + 50);
		assertThat(doubling.notifyNow("mail")).as("enqueues were held back: the window doubled").isFalse();
		doubling.heldBack("mail");
		Thread.sleep(shortest);
		assertThat(doubling.notifyNow("mail")).as("the doubled window has passed").isTrue();
		Thread.sleep(4 * shortest + 50);
		assertThat(doubling.notifyNow("mail")).as("the longest window has passed").isTrue();
		Thread.sleep(shortest + 50);
		assertThat(doubling.notifyNow("mail")).as("nothing held back: the shortest window again").isTrue();
		assertThat(this.sent).as("each enqueue's own notification told of the held-back ones").isEmpty();
	}

	@Test
	void followingNotificationEndsTheStreamSoTheNextWindowIsTheShortest() {
		SpacedNotifications doubling = new SpacedNotifications(Duration.ofMillis(100), Duration.ofMinutes(1),
				this.sent::add);
		assertThat(doubling.notifyNow("mail")).isTrue();
		doubling.heldBack("mail");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sent.size() == 1);
		await().pollDelay(Duration.ofMillis(150)).atMost(Duration.ofSeconds(5)).until(() -> doubling.notifyNow("mail"));
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
		SpacedNotifications failing = new SpacedNotifications(Duration.ofMillis(20), Duration.ofMillis(20), (queue) -> {
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
