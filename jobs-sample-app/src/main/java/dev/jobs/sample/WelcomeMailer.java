package dev.jobs.sample;

import org.springframework.stereotype.Component;

import dev.jobs.Backoff;
import dev.jobs.JobContext;
import dev.jobs.JobHandler;

/**
 * Sends welcome emails through a mail server that fails the first attempts on purpose.
 */
@Component
public class WelcomeMailer {

	/**
	 * The name of the job type this handler runs.
	 */
	public static final String JOB_NAME = "send-email";

	private final ShopProperties properties;

	WelcomeMailer(ShopProperties properties) {
		this.properties = properties;
	}

	@JobHandler(value = JOB_NAME, queue = "mail", maxAttempts = 5,
			backoff = @Backoff(delay = "200ms", multiplier = 2.0))
	EmailReceipt send(Customer customer, JobContext context) {
		if (context.attempt() <= this.properties.mail().failuresBeforeSuccess()) {
			throw new IllegalStateException("Mail server busy, attempt " + context.attempt() + " of "
					+ context.maxAttempts() + " to " + customer.email() + " failed");
		}
		context.log().info("Sent welcome email to {} on attempt {}", customer.email(), context.attempt());
		return new EmailReceipt(customer.email(), context.attempt());
	}

}
