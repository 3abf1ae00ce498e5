package dev.jobs.store;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.MisfirePolicy;

/**
 * What a recurring job is meant to be: its handler, schedule and options, and where the
 * definition comes from.
 *
 * @param name the recurring job's name
 * @param handler the handler its occurrences run
 * @param cron whether {@code schedule} is a cron expression rather than an interval
 * @param schedule the cron expression or interval, as written
 * @param zone the zone id
 * @param payloadJson the payload of every occurrence, or {@code null}
 * @param allowConcurrent whether an occurrence may start while the previous is unfinished
 * @param misfire what to do about missed occurrences
 * @param maxRuns how many occurrences run at most, 0 for no limit
 * @param endAt after when no occurrence runs, or {@code null}
 * @param source where the definition comes from
 */
public record RecurringDefinition(String name, String handler, boolean cron, String schedule, String zone,
		@Nullable String payloadJson, boolean allowConcurrent, MisfirePolicy misfire, int maxRuns,
		@Nullable Instant endAt, Source source) {

	/**
	 * Where a definition comes from.
	 */
	public enum Source {

		/**
		 * A {@code @RecurringJob} method.
		 */
		ANNOTATION,

		/**
		 * {@code jobs.recurring.<name>.*} alone.
		 */
		CONFIGURATION,

		/**
		 * {@code Jobs.schedule(...)} at run time.
		 */
		API

	}

	/**
	 * Whether another definition has the same schedule.
	 * @param other the other definition
	 * @return whether occurrences fall at the same instants
	 */
	public boolean sameScheduleAs(RecurringDefinition other) {
		return this.cron == other.cron && this.schedule.equals(other.schedule) && this.zone.equals(other.zone);
	}

}
