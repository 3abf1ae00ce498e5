package dev.jobs.sample.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import dev.jobs.JobQuery;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;

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

	ThroughputProbe(Jobs jobs, ConfigurableApplicationContext context, @Value("${shop.probe.jobs}") int count) {
		this.jobs = jobs;
		this.context = context;
		this.count = count;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		JobQuery completed = JobQuery.builder().name("probe-noop").status(JobStatus.COMPLETED).build();
		long before = this.jobs.count(completed);
		long start = System.nanoTime();
		for (int enqueued = 0; enqueued < this.count; enqueued += 500) {
			List<JobRequest> batch = new ArrayList<>();
			for (int i = enqueued; i < Math.min(this.count, enqueued + 500); i++) {
				batch.add(JobRequest.of("probe-noop"));
			}
			this.jobs.enqueueAll(batch);
		}
		long enqueuedNanos = System.nanoTime() - start;
		while (this.jobs.count(completed) - before < this.count) {
			Thread.sleep(20);
		}
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
