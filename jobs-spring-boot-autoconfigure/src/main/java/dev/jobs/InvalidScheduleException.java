package dev.jobs;

import org.jspecify.annotations.Nullable;

/**
 * Raised when a recurring job's schedule is not valid: a cron expression that does not
 * parse, an interval that is not a positive duration, an unknown time zone, or both or
 * neither of a cron and an interval. The message quotes the bad value and names the
 * recurring job when there is one. Raised at start-up for annotated and configured
 * recurring jobs, and by {@link Jobs} for recurring jobs scheduled at run time.
 *
 * @since 0.1.0
 */
public class InvalidScheduleException extends InvalidJobRequestException {

	private final @Nullable String recurringJobName;

	private final @Nullable String value;

	/**
	 * Create a new exception.
	 * @param message what is wrong, quoting the value and naming the recurring job
	 * @param recurringJobName the recurring job's name, or {@code null} if unknown
	 * @param value the bad value, or {@code null} if the problem is a missing value
	 */
	public InvalidScheduleException(String message, @Nullable String recurringJobName, @Nullable String value) {
		super(message);
		this.recurringJobName = recurringJobName;
		this.value = value;
	}

	/**
	 * Create a new exception.
	 * @param message what is wrong, quoting the value and naming the recurring job
	 * @param recurringJobName the recurring job's name, or {@code null} if unknown
	 * @param value the bad value, or {@code null} if the problem is a missing value
	 * @param cause the underlying cause
	 */
	public InvalidScheduleException(String message, @Nullable String recurringJobName, @Nullable String value,
			Throwable cause) {
		super(message, cause);
		this.recurringJobName = recurringJobName;
		this.value = value;
	}

	/**
	 * The name of the recurring job whose schedule is invalid.
	 * @return the recurring job's name, or {@code null} if unknown
	 */
	public @Nullable String getRecurringJobName() {
		return this.recurringJobName;
	}

	/**
	 * The value that is not valid, as written.
	 * @return the bad value, or {@code null} if the problem is a missing value
	 */
	public @Nullable String getValue() {
		return this.value;
	}

}
