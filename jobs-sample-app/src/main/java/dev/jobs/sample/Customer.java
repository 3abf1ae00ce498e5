package dev.jobs.sample;

import org.springframework.util.Assert;

/**
 * A new customer, as posted to {@code /customers} and as the payload of their welcome
 * email job.
 *
 * @param name the customer's name
 * @param email the customer's email address
 */
public record Customer(String name, String email) {

	public Customer {
		Assert.hasText(name, "Customer name must not be blank");
		Assert.hasText(email, "Customer email must not be blank");
	}

}
