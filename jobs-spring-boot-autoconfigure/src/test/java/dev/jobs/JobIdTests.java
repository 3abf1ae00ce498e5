package dev.jobs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job ids are version 7 UUIDs that one JVM makes in strictly increasing order, so that
 * the ids of jobs enqueued together keep their order.
 */
class JobIdTests {

	@Test
	void idsMadeInATightLoopIncreaseStrictlyAsUuidsAndAsText() {
		List<JobId> ids = new ArrayList<>();
		for (int i = 0; i < 200_000; i++) {
			ids.add(JobId.next());
		}
		long millisecondsSpanned = ids.stream()
			.map((id) -> id.value().getMostSignificantBits() >>> 16)
			.distinct()
			.count();
		assertThat(millisecondsSpanned).as("several ids share each millisecond").isLessThan(ids.size() / 10);
		for (int i = 1; i < ids.size(); i++) {
			JobId previous = ids.get(i - 1);
			JobId id = ids.get(i);
			assertThat(id.compareTo(previous)).as("id %d after id %d", i, i - 1).isPositive();
			assertThat(id.toString().compareTo(previous.toString())).as("text of id %d", i).isPositive();
		}
	}

	@Test
	void idsAreVersion7WithTheCurrentTimeAndTheRfcVariant() {
		long before = System.currentTimeMillis();
		JobId id = JobId.next();
		long after = System.currentTimeMillis();
		UUID uuid = id.value();
		assertThat(uuid.version()).isEqualTo(7);
		assertThat(uuid.variant()).isEqualTo(2);
		assertThat(uuid.getMostSignificantBits() >>> 16).isBetween(before, after);
	}

	@Test
	void idsMadeOnManyThreadsAreDistinctAndIncreaseOnEachThread() throws InterruptedException {
		int threads = 4;
		int perThread = 20_000;
		ConcurrentLinkedQueue<JobId> all = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> disorders = new ConcurrentLinkedQueue<>();
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					return;
				}
				JobId previous = null;
				for (int i = 0; i < perThread; i++) {
					JobId id = JobId.next();
					if (previous != null && id.compareTo(previous) <= 0) {
						disorders.add(id + " after " + previous);
					}
					previous = id;
					all.add(id);
				}
			});
			worker.start();
			workers.add(worker);
		}
		start.countDown();
		for (Thread worker : workers) {
			worker.join();
		}
		assertThat(disorders).isEmpty();
		Set<JobId> distinct = new HashSet<>(all);
		assertThat(distinct).hasSize(threads * perThread);
	}

}
