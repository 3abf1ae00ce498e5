package dev.jobs.faults.app;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.Jobs;

/**
 * The operations the tests drive a node with: enqueue sleeping jobs, hold connections of
 * the application's pool, and run an enqueue storm on a few unique keys.
 */
@RestController
class FaultController {

	private final Jobs jobs;

	private final DataSource dataSource;

	FaultController(Jobs jobs, DataSource dataSource) {
		this.jobs = jobs;
		this.dataSource = dataSource;
	}

	@GetMapping("/fault/ready")
	String ready() {
		return "ready";
	}

	/**
	 * Enqueue sleeping jobs in batches of 100.
	 * @param count how many
	 * @param minMs shortest sleep
	 * @param maxMs longest sleep
	 * @param seed seed of the sleeps
	 * @param delayMs delay of each job, or 0
	 * @return the ids, one a line, in enqueue order
	 */
	@PostMapping("/fault/enqueue")
	String enqueue(@RequestParam int count, @RequestParam long minMs, @RequestParam long maxMs,
			@RequestParam(defaultValue = "1") long seed, @RequestParam(defaultValue = "0") long delayMs) {
		Random random = new Random(seed);
		StringBuilder ids = new StringBuilder();
		List<JobRequest> batch = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long ms = minMs + ((maxMs > minMs) ? random.nextLong(maxMs - minMs + 1) : 0);
			JobRequest request = JobRequest.of(SleepJob.NAME, new SleepPayload(ms));
			batch.add((delayMs > 0) ? request.delay(Duration.ofMillis(delayMs)) : request);
			if (batch.size() == 100 || i == count - 1) {
				for (JobId id : this.jobs.enqueueAll(batch)) {
					ids.append(id).append('\n');
				}
				batch.clear();
			}
		}
		return ids.toString();
	}

	/**
	 * Take connections of the application's pool and keep them for a while, as an
	 * application whose own work saturates the pool does. Answers once they are taken.
	 * @param count how many connections
	 * @param ms how long each is kept
	 * @return how many were taken
	 */
	@PostMapping("/fault/hold-connections")
	String holdConnections(@RequestParam int count, @RequestParam long ms) throws InterruptedException {
		AtomicInteger taken = new AtomicInteger();
		CountDownLatch attempted = new CountDownLatch(count);
		for (int i = 0; i < count; i++) {
			Thread thread = new Thread(() -> {
				try (Connection connection = this.dataSource.getConnection()) {
					taken.incrementAndGet();
					attempted.countDown();
					Thread.sleep(ms);
				}
				catch (Exception ex) {
					attempted.countDown();
				}
			}, "fault-hold-" + i);
			thread.setDaemon(true);
			thread.start();
		}
		attempted.await(30, TimeUnit.SECONDS);
		return "taken=" + taken.get();
	}

	/**
	 * Enqueue from many threads at once, each job with one of a few unique keys, for a
	 * while; the jobs sleep a little.
	 * @param threads how many enqueuing threads
	 * @param keys how many distinct unique keys
	 * @param ms how long the storm lasts
	 * @return {@code enqueued=N failed=M firstFailure=...}
	 */
	@PostMapping("/fault/storm")
	String storm(@RequestParam int threads, @RequestParam int keys, @RequestParam long ms,
			@RequestParam(defaultValue = "storm") String prefix) throws InterruptedException {
		AtomicInteger enqueued = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicReference<String> firstFailure = new AtomicReference<>("");
		long deadline = System.currentTimeMillis() + ms;
		List<Thread> running = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int seed = t;
			Thread thread = new Thread(() -> {
				Random random = new Random(seed);
				while (System.currentTimeMillis() < deadline) {
					String key = prefix + "-" + random.nextInt(keys);
					try {
						this.jobs.enqueue(JobRequest.of(SleepJob.NAME, new SleepPayload(5)).uniqueKey(key));
						enqueued.incrementAndGet();
					}
					catch (RuntimeException ex) {
						failed.incrementAndGet();
						firstFailure.compareAndSet("", ex.getClass().getName() + ": " + ex.getMessage());
					}
				}
			}, "fault-storm-" + t);
			thread.start();
			running.add(thread);
		}
		for (Thread thread : running) {
			thread.join();
		}
		return "enqueued=" + enqueued.get() + " failed=" + failed.get() + " firstFailure="
				+ firstFailure.get().replace('\n', ' ');
	}

}
