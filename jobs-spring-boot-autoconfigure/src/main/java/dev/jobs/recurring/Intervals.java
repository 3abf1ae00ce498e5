package dev.jobs.recurring;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;

/**
 * Parses the interval of a recurring job with Spring Boot's {@link DurationStyle}:
 * {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d}, and ISO-8601 durations such as
 * {@code PT15M} or {@code P1D}. A value without a unit is in milliseconds, as everywhere
 * in Spring Boot. The interval must be positive.
 */
final class Intervals {

	private static final String EXAMPLES = "; use a duration such as 30s, 15m, 2h, 1d or PT15M";

	private Intervals() {
	}

	/**
	 * Parse an interval.
	 * @param text the interval as written
	 * @param jobName the recurring job's name for error messages, or {@code null}
	 * @return the interval, positive
	 * @throws dev.jobs.InvalidScheduleException if the text is not a positive duration
	 */
	public static Duration parse(String text, @Nullable String jobName) {
		String trimmed = text.trim();
		Duration interval;
		try {
			interval = DurationStyle.detectAndParse(trimmed);
		}
		catch (IllegalArgumentException ex) {
			throw ScheduleErrors.invalid("Invalid interval '" + text + "'", jobName, text, EXAMPLES, ex);
		}
		if (interval.isNegative() || interval.isZero()) {
			throw ScheduleErrors.invalid("Interval '" + text + "' must be positive", jobName, text, EXAMPLES, null);
		}
		return interval;
	}

}
