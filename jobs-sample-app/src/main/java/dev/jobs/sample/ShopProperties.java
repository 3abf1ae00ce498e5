package dev.jobs.sample;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the shop's simulated mail server and payment provider.
 *
 * @param mail the mail server
 * @param orders the order processing
 */
@ConfigurationProperties("shop")
public record ShopProperties(@DefaultValue Mail mail, @DefaultValue Orders orders) {

	/**
	 * The simulated mail server.
	 *
	 * @param failuresBeforeSuccess how many attempts of each welcome email fail before
	 * one succeeds, so that retries show in the job's history
	 */
	public record Mail(@DefaultValue("1") int failuresBeforeSuccess) {

	}

	/**
	 * The simulated payment provider.
	 *
	 * @param processingTime how long processing one order takes
	 */
	public record Orders(@DefaultValue("2s") Duration processingTime) {

	}

}
