package dev.jobs.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link AsyncEventPublisher}, with real threads.
 */
class AsyncEventPublisherTests {

	private final List<Object> received = new CopyOnWriteArrayList<>();

	private final List<String> threads = new CopyOnWriteArrayList<>();

	private final AsyncEventPublisher publisher = new AsyncEventPublisher((event) -> {
		this.threads.add(Thread.currentThread().getName());
		if ("boom".equals(event)) {
			throw new IllegalStateException("listener failed");
		}
		this.received.add(event);
	});

	@AfterEach
	void destroy() throws InterruptedException {
		this.publisher.destroy();
	}

	@Test
	void publishesInOrderOnTheEventsThread() {
		for (int i = 0; i < 1000; i++) {
			this.publisher.publish(i);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() == 1000);
		assertThat(this.received).isEqualTo(numbers(0, 1000));
		assertThat(this.threads).allMatch((name) -> name.startsWith("jobs-events-"));
	}

	@Test
	void eventsFromManyThreadsWithPausesBetweenThemAreAllPublishedOnce() throws InterruptedException {
		int producers = 4;
		int perProducer = 2000;
		CountDownLatch done = new CountDownLatch(producers);
		for (int p = 0; p < producers; p++) {
			int first = p * perProducer;
			Thread producer = new Thread(() -> {
				for (int i = first; i < first + perProducer; i++) {
					this.publisher.publish(i);
					if (i % 50 == 0) {
						// let the events thread run dry, so that events arrive while it
						// lingers and after it went back to sleep
						sleep(AsyncEventPublisher.LINGER.toNanos() + (i % 3) * 300_000L);
					}
				}
				done.countDown();
			});
			producer.start();
		}
		assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() >= producers * perProducer);
		Thread.sleep(100);
		assertThat(this.received).hasSize(producers * perProducer)
			.containsExactlyInAnyOrderElementsOf(numbers(0, producers * perProducer));
	}

	@Test
	void lateEventAfterAQuietSpellIsPublishedWithoutAnotherEvent() throws InterruptedException {
		this.publisher.publish("first");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.received.size() == 1);
		Thread.sleep(50);
		this.publisher.publish("second");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.received.size() == 2);
		assertThat(this.received).containsExactly("first", "second");
	}

	@Test
	void listenerThatThrowsDoesNotStopTheEventsAfterIt() {
		this.publisher.publish("before");
		this.publisher.publish("boom");
		this.publisher.publish("after");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.received.size() == 2);
		assertThat(this.received).containsExactly("before", "after");
	}

	@Test
	void afterShutdownTheCallerPublishes() throws InterruptedException {
		this.publisher.publish("queued");
		this.publisher.destroy();
		assertThat(this.received).containsExactly("queued");
		this.publisher.publish("late");
		assertThat(this.received).containsExactly("queued", "late");
		assertThat(this.threads.get(1)).isEqualTo(Thread.currentThread().getName());
	}

	private static List<Object> numbers(int from, int to) {
		List<Object> numbers = new ArrayList<>();
		for (int i = from; i < to; i++) {
			numbers.add(i);
		}
		return numbers;
	}

	private static void sleep(long nanos) {
		long deadline = System.nanoTime() + nanos;
		while (System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
	}

}
