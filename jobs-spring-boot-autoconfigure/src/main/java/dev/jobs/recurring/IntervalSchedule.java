package dev.jobs.recurring;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A schedule that runs every fixed {@link Duration}, at {@code anchor + k * interval} for
 * every {@code k >= 0}, so that occurrences never drift whatever the delays of the runs.
 * <p>
 * An interval is real elapsed time: daylight saving changes do not stretch or shrink it,
 * and the zone is kept only to be reported. The default anchor is the epoch, which puts
 * every node and every restart on the same occurrences and aligns round intervals to
 * round times ({@code 15m} runs at :00, :15, :30 and :45 UTC; {@code 1d} at midnight
 * UTC).
 */
public final class IntervalSchedule implements Schedule {

	private final String text;

	private final Duration interval;

	private final Instant anchor;

	private final ZoneId zone;

	IntervalSchedule(String text, Duration interval, Instant anchor, ZoneId zone) {
		Assert.isTrue(!interval.isNegative() && !interval.isZero(), "Interval must be positive");
		this.text = text;
		this.interval = interval;
		this.anchor = anchor;
		this.zone = zone;
	}

	@Override
	public Instant next(Instant after) {
		if (after.isBefore(this.anchor)) {
			return this.anchor;
		}
		long elapsedIntervals = Duration.between(this.anchor, after).dividedBy(this.interval);
		return this.anchor.plus(this.interval.multipliedBy(elapsedIntervals + 1));
	}

	@Override
	public Instant firstAfter(Instant start) {
		return start.plus(this.interval);
	}

	@Override
	public IntervalSchedule continuing(Instant occurrence) {
		return anchoredAt(occurrence);
	}

	/**
	 * A copy of this schedule whose occurrences are counted from the given instant.
	 * @param anchor the first occurrence
	 * @return the re-anchored schedule
	 */
	public IntervalSchedule anchoredAt(Instant anchor) {
		return new IntervalSchedule(this.text, this.interval, anchor, this.zone);
	}

	/**
	 * The time between two occurrences.
	 * @return the interval
	 */
	public Duration interval() {
		return this.interval;
	}

	/**
	 * The instant occurrences are counted from; the first occurrence.
	 * @return the anchor
	 */
	public Instant anchor() {
		return this.anchor;
	}

	@Override
	public Kind kind() {
		return Kind.INTERVAL;
	}

	@Override
	public String text() {
		return this.text;
	}

	@Override
	public ZoneId zone() {
		return this.zone;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		return other instanceof IntervalSchedule that && this.text.equals(that.text)
				&& this.interval.equals(that.interval) && this.anchor.equals(that.anchor)
				&& this.zone.equals(that.zone);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.text, this.interval, this.anchor, this.zone);
	}

	@Override
	public String toString() {
		return "every " + this.text + " from " + this.anchor;
	}

}
