package dev.jobs.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.jobs.testsupport.Latches;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.engine.QueueSettings;

/**
 * Tests for {@link Capacity}: the node's and each queue's limit on running jobs hold for
 * slots taken and given back by many threads at once, and a paused queue (by
 * configuration or across the cluster) is left out of claims and gets no slot.
 */
class CapacityTests {

	@Test
	void nodeGrantsAsManySlotsAsItsConcurrencyAndOneMoreOnceOneIsReleased() {
		Capacity capacity = new Capacity(3, Map.of());
		assertThat(capacity.tryAcquire("a")).isTrue();
		assertThat(capacity.tryAcquire("b")).isTrue();
		assertThat(capacity.tryAcquire("a")).isTrue();
		assertThat(capacity.tryAcquire("c")).isFalse();
		assertThat(capacity.running()).isEqualTo(3);
		assertThat(capacity.free()).isZero();
		assertThat(capacity.freeIn("c")).isZero();
		capacity.release("b");
		assertThat(capacity.free()).isOne();
		assertThat(capacity.tryAcquire("c")).isTrue();
		assertThat(capacity.tryAcquire("c")).isFalse();
		assertThat(capacity.total()).isEqualTo(3);
	}

	@Test
	void queueWithALimitGrantsNoMoreThanItsLimitWhileOtherQueuesGetTheRest() {
		Capacity capacity = new Capacity(5, Map.of("mail", new QueueSettings(2, false)));
		assertThat(capacity.tryAcquire("mail")).isTrue();
		assertThat(capacity.tryAcquire("mail")).isTrue();
		assertThat(capacity.tryAcquire("mail")).isFalse();
		assertThat(capacity.freeIn("mail")).isZero();
		assertThat(capacity.freeIn("reports")).isEqualTo(3);
		assertThat(capacity.free()).isEqualTo(3);
		assertThat(capacity.tryAcquire("reports")).isTrue();
		capacity.release("mail");
		assertThat(capacity.freeIn("mail")).isOne();
		assertThat(capacity.tryAcquire("mail")).isTrue();
		assertThat(capacity.tryAcquire("mail")).isFalse();
		assertThat(capacity.running()).isEqualTo(3);
	}

	@Test
	void queueLimitAboveWhatTheNodeHasLeftGivesOnlyTheNodesFreeSlots() {
		Capacity capacity = new Capacity(2, Map.of("mail", new QueueSettings(5, false)));
		assertThat(capacity.freeIn("mail")).isEqualTo(2);
		assertThat(capacity.tryAcquire("reports")).isTrue();
		assertThat(capacity.freeIn("mail")).isOne();
		assertThat(capacity.tryAcquire("mail")).isTrue();
		assertThat(capacity.freeIn("mail")).isZero();
		assertThat(capacity.tryAcquire("mail")).isFalse();
	}

	@Test
	void queueWithALimitOfNoneGrantsNothing() {
		Capacity capacity = new Capacity(4, Map.of("frozen", new QueueSettings(0, false)));
		assertThat(capacity.freeIn("frozen")).isZero();
		assertThat(capacity.tryAcquire("frozen")).isFalse();
		assertThat(capacity.free()).isEqualTo(4);
	}

	@Test
	void limitedQueuesAreClaimedOnTheirOwnAndPausedOnesNotAtAll() {
		Capacity capacity = new Capacity(8, Map.of("mail", new QueueSettings(2, false), "reports",
				new QueueSettings(null, true), "bulk", new QueueSettings(1, true)));
		assertThat(capacity.limitedQueues()).containsExactly("mail");
		assertThat(capacity.excludedFromSharedClaim()).containsExactlyInAnyOrder("mail", "reports", "bulk");
		assertThat(capacity.pausedQueues()).containsExactly("bulk", "reports");
		assertThat(capacity.isPaused("reports")).isTrue();
		assertThat(capacity.isPaused("mail")).isFalse();
	}

	@Test
	void queuesPausedInTheClusterAreLeftOutOfClaimsAndGetNoSlotUntilResumed() {
		Capacity capacity = new Capacity(3,
				Map.of("mail", new QueueSettings(1, false), "bulk", new QueueSettings(null, true)));
		assertThat(capacity.pausedInCluster(Set.of("mail", "default"))).containsExactlyInAnyOrder("mail", "default",
				"bulk");
		assertThat(capacity.limitedQueues()).isEmpty();
		assertThat(capacity.excludedFromSharedClaim()).containsExactlyInAnyOrder("mail", "default", "bulk");
		assertThat(capacity.pausedQueues()).containsExactly("bulk", "default", "mail");
		assertThat(capacity.tryAcquire("default")).isFalse();
		assertThat(capacity.tryAcquire("reports")).isTrue();
		assertThat(capacity.pausedInCluster(Set.of())).containsExactly("bulk");
		assertThat(capacity.limitedQueues()).containsExactly("mail");
		assertThat(capacity.excludedFromSharedClaim()).containsExactlyInAnyOrder("mail", "bulk");
		assertThat(capacity.isPaused("default")).isFalse();
		assertThat(capacity.tryAcquire("default")).isTrue();
		assertThat(capacity.tryAcquire("bulk")).isFalse();
	}

	@Test
	void threadsTryingAtOnceGetExactlyTheNodesSlots() throws InterruptedException {
		Capacity capacity = new Capacity(4, Map.of());
		Contenders contenders = new Contenders(capacity, List.of("a", "b"), 16);
		contenders.tryOnceAndHold();
		assertThat(contenders.granted).hasValue(4);
		assertThat(capacity.running()).isEqualTo(4);
		assertThat(capacity.free()).isZero();
		contenders.releaseAll();
		assertThat(capacity.running()).isZero();
		assertThat(capacity.free()).isEqualTo(4);
	}

	@Test
	void threadsTryingAtOnceGetNoMoreThanTheirQueuesLimitAndTheNodeIsFilled() throws InterruptedException {
		Capacity capacity = new Capacity(5, Map.of("mail", new QueueSettings(2, false)));
		Contenders contenders = new Contenders(capacity, List.of("mail", "reports"), 20);
		contenders.tryOnceAndHold();
		assertThat(contenders.grantedIn("mail")).isBetween(0, 2);
		assertThat(contenders.granted).hasValue(5);
		assertThat(capacity.running()).isEqualTo(5);
		contenders.releaseAll();
		assertThat(capacity.running()).isZero();
		assertThat(capacity.freeIn("mail")).isEqualTo(2);
	}

	@Test
	void slotsTakenAndGivenBackByManyThreadsAreNeverHeldBeyondTheLimits() throws InterruptedException {
		Capacity capacity = new Capacity(3, Map.of("mail", new QueueSettings(1, false)));
		AtomicInteger held = new AtomicInteger();
		AtomicInteger heldInMail = new AtomicInteger();
		AtomicInteger mostHeld = new AtomicInteger();
		AtomicInteger mostHeldInMail = new AtomicInteger();
		CountDownLatch go = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String queue = (i % 2 == 0) ? "mail" : "reports";
			boolean mail = "mail".equals(queue);
			threads.add(start(new Thread(() -> {
				Latches.awaitQuietly(go);
				int granted = 0;
				while (granted < 2_000) {
					if (capacity.tryAcquire(queue)) {
						granted++;
						mostHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
						if (mail) {
							mostHeldInMail.accumulateAndGet(heldInMail.incrementAndGet(), Math::max);
						}
						for (int spin = 0; spin < 200; spin++) {
							Thread.onSpinWait();
						}
						if (mail) {
							heldInMail.decrementAndGet();
						}
						held.decrementAndGet();
						capacity.release(queue);
					}
				}
			}, "capacity-" + i)));
		}
		go.countDown();
		for (Thread thread : threads) {
			thread.join(TimeUnit.SECONDS.toMillis(30));
			assertThat(thread.isAlive()).isFalse();
		}
		assertThat(mostHeld.get()).isBetween(1, 3);
		assertThat(mostHeldInMail.get()).isOne();
		assertThat(capacity.running()).isZero();
		assertThat(capacity.freeIn("mail")).isOne();
	}

	private static Thread start(Thread thread) {
		thread.start();
		return thread;
	}

	/**
	 * Threads that each, released together, try once to take a slot for their queue, and
	 * hold the slot they got until told to give it back.
	 */
	private static final class Contenders {

		private final Capacity capacity;

		private final List<String> queues;

		private final int count;

		private final AtomicInteger granted = new AtomicInteger();

		private final Map<String, AtomicInteger> grantedByQueue = new ConcurrentHashMap<>();

		private final CountDownLatch start = new CountDownLatch(1);

		private final CountDownLatch release = new CountDownLatch(1);

		private final List<Thread> threads = new ArrayList<>();

		private CountDownLatch tried;

		Contenders(Capacity capacity, List<String> queues, int count) {
			this.capacity = capacity;
			this.queues = queues;
			this.count = count;
		}

		void tryOnceAndHold() throws InterruptedException {
			this.tried = new CountDownLatch(this.count);
			for (int i = 0; i < this.count; i++) {
				String queue = this.queues.get(i % this.queues.size());
				this.threads.add(start(new Thread(() -> {
					Latches.awaitQuietly(this.start);
					boolean got = this.capacity.tryAcquire(queue);
					if (got) {
						this.granted.incrementAndGet();
						this.grantedByQueue.computeIfAbsent(queue, (name) -> new AtomicInteger()).incrementAndGet();
					}
					this.tried.countDown();
					if (got) {
						Latches.awaitQuietly(this.release);
						this.capacity.release(queue);
					}
				}, "contender-" + i)));
			}
			this.start.countDown();
			assertThat(this.tried.await(30, TimeUnit.SECONDS)).isTrue();
		}

		int grantedIn(String queue) {
			AtomicInteger inQueue = this.grantedByQueue.get(queue);
			return (inQueue != null) ? inQueue.get() : 0;
		}

		void releaseAll() throws InterruptedException {
			this.release.countDown();
			for (Thread thread : this.threads) {
				thread.join(TimeUnit.SECONDS.toMillis(30));
				assertThat(thread.isAlive()).isFalse();
			}
		}

	}

}
