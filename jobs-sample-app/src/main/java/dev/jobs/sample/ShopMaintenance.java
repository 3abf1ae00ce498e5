package dev.jobs.sample;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

import dev.jobs.JobContext;
import dev.jobs.JobQuery;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.RecurringJob;

/**
 * The shop's recurring work: a nightly sales report and a frequent clean-up of old carts,
 * each fired once per occurrence however many instances of the shop run.
 */
@Component
class ShopMaintenance {

	private final Jobs jobs;

	ShopMaintenance(Jobs jobs) {
		this.jobs = jobs;
	}

	@RecurringJob(value = "nightly-report", cron = "0 30 2 * * *", zone = "Europe/Paris")
	NightlyReport nightlyReport(JobContext context) {
		long orders = this.jobs.count(JobQuery.builder().name("process-order").status(JobStatus.COMPLETED).build());
		context.log().info("Nightly report: {} orders processed", orders);
		return new NightlyReport(LocalDate.now(ZoneId.of("Europe/Paris")), orders);
	}

	@RecurringJob(value = "cart-cleanup", interval = "${shop.cleanup.interval:5m}")
	CleanupResult cleanUpCarts(JobContext context) {
		context.log().info("Cleaning up abandoned carts (occurrence of attempt {})", context.attempt());
		return new CleanupResult(0);
	}

	/**
	 * What the nightly report found.
	 *
	 * @param day the day of the report
	 * @param ordersProcessed how many orders have been processed
	 */
	record NightlyReport(LocalDate day, long ordersProcessed) {

	}

	/**
	 * What a clean-up removed.
	 *
	 * @param removedCarts how many carts were removed
	 */
	record CleanupResult(int removedCarts) {

	}

}
