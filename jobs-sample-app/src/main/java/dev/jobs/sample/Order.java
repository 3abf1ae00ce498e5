package dev.jobs.sample;

import java.math.BigDecimal;

import org.springframework.util.Assert;

/**
 * An order, as posted to {@code /orders} and as the payload of its processing job.
 *
 * @param orderId the shop's id of the order
 * @param amount the amount to charge
 */
public record Order(String orderId, BigDecimal amount) {

	public Order {
		Assert.hasText(orderId, "Order id must not be blank");
		Assert.isTrue(amount != null && amount.signum() > 0, "Order amount must be positive");
	}

}
