package dev.jobs.sample.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.jobs.JobRequest;
import dev.jobs.Jobs;
import dev.jobs.event.JobCompletedEvent;

/**
 * Enqueues {@code shop.probe.jobs} no-op jobs in batches of 500, waits until every one
 * has completed, prints the throughput and stops the application. A quick look, not a
 * benchmark: the {@code jobs-benchmarks} module measures properly.
 */
@Component
@ConditionalOnProperty("shop.probe.jobs")
class ThroughputProbe implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(ThroughputProbe.class);

	private final Jobs jobs;

	private final ConfigurableApplicationContext context;

	private final int count;

	private final Semaphore completed = new Semaphore(0);

	ThroughputProbe(Jobs jobs, ConfigurableApplicationContext context, @Value("${shop.probe.jobs}") int count) {
		this.jobs = jobs;
		this.context = context;
		this.count = count;
	}

	@EventListener(condition = "#event.name() == 'probe-noop'")
	void completed(JobCompletedEvent event) {
		this.completed.release();
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		long start = System.nanoTime();
		for (int enqueued = 0; enqueued < this.count; enqueued += 500) {
			List<JobRequest> batch = new ArrayList<>();
			for (int i = enqueued; i < Math.min(this.count, enqueued + 500); i++) {
				batch.add(JobRequest.of("probe-noop"));
			}
			this.jobs.enqueueAll(batch);
		}
		long enqueuedNanos = System.nanoTime() - start;
		this.completed.acquire(this.count);
		long totalNanos = System.nanoTime() - start;
		String report = String.format(Locale.ROOT,
				"Probe: enqueued %d no-op jobs in %d ms (%.0f jobs/s); all completed after %d ms (%.0f jobs/s)",
				this.count, enqueuedNanos / 1_000_000, this.count / (enqueuedNanos / 1e9), totalNanos / 1_000_000,
				this.count / (totalNanos / 1e9));
		logger.info(report);
		System.out.println(report);
		SpringApplication.exit(this.context, () -> 0);
	}

}
