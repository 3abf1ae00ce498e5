package dev.jobs.sample;

import java.time.Duration;

import org.springframework.stereotype.Component;

import dev.jobs.JobContext;
import dev.jobs.JobHandler;

/**
 * Processes orders in a few slow steps, reporting its progress.
 */
@Component
public class OrderProcessor {

	/**
	 * The name of the job type this handler runs.
	 */
	public static final String JOB_NAME = "process-order";

	private static final int STEPS = 4;

	private final ShopProperties properties;

	OrderProcessor(ShopProperties properties) {
		this.properties = properties;
	}

	@JobHandler(value = JOB_NAME, queue = "orders", maxAttempts = 3, timeout = "1m")
	OrderReceipt process(Order order, JobContext context) throws InterruptedException {
		Duration step = this.properties.orders().processingTime().dividedBy(STEPS);
		for (int done = 1; done <= STEPS; done++) {
			if (context.isCancelled()) {
				throw new IllegalStateException("Processing of order " + order.orderId() + " was cancelled");
			}
			Thread.sleep(step.toMillis());
			context.progress(done * 100 / STEPS);
		}
		context.log().info("Charged {} for order {}", order.amount(), order.orderId());
		return new OrderReceipt(order.orderId(), order.amount(), "PAID");
	}

}
