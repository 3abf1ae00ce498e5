package dev.jobs.store;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.jobs.MisfirePolicy;

/**
 * What a recurring job is meant to be: its handler, schedule and options, and where the
 * definition comes from. Definitions are equal when they are stored the same: their
 * schedules are compared by kind and text.
 *
 * @param name the recurring job's name
 * @param handler the handler its occurrences run
 * @param schedule the schedule: parsed where the definition entered, or as read from the
 * store
 * @param zone the zone id
 * @param payloadJson the payload of every occurrence, or {@code null}
 * @param allowConcurrent whether an occurrence may start while the previous is unfinished
 * @param misfire what to do about missed occurrences
 * @param maxRuns how many occurrences run at most, 0 for no limit
 * @param endAt after when no occurrence runs, or {@code null}
 * @param source where the definition comes from
 */
public record RecurringDefinition(String name, String handler, StoredSchedule schedule, String zone,
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
		return this.schedule.sameTextAs(other.schedule) && this.zone.equals(other.zone);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		return other instanceof RecurringDefinition that && this.name.equals(that.name)
				&& this.handler.equals(that.handler) && sameScheduleAs(that)
				&& Objects.equals(this.payloadJson, that.payloadJson) && this.allowConcurrent == that.allowConcurrent
				&& this.misfire == that.misfire && this.maxRuns == that.maxRuns
				&& Objects.equals(this.endAt, that.endAt) && this.source == that.source;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name, this.handler, this.schedule.kind(), this.schedule.text(), this.zone,
				this.payloadJson, this.allowConcurrent, this.misfire, this.maxRuns, this.endAt, this.source);
	}

}
