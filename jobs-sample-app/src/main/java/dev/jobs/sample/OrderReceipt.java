package dev.jobs.sample;

import java.math.BigDecimal;

/**
 * The result of an order processing job.
 *
 * @param orderId the shop's id of the order
 * @param amount the amount charged
 * @param status the order's new status
 */
public record OrderReceipt(String orderId, BigDecimal amount, String status) {

}
