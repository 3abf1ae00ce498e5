package dev.jobs.web;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.JobId;
import dev.jobs.JobNames;

/**
 * Parses the console's parameters and body fields once, at the edge, into the values
 * {@code Jobs} takes; a bad value is a 400 that names the parameter or field.
 */
final class RequestValues {

	private RequestValues() {
	}

	static JobId jobId(String id) {
		try {
			return JobId.of(id);
		}
		catch (InvalidJobRequestException ex) {
			throw ConsoleRequestException.badRequest("id", ex.getMessage());
		}
	}

	/**
	 * Check a queue name of a path as {@code Jobs} would, but as a 400 that names the
	 * parameter.
	 * @param field the parameter
	 * @param name the queue name
	 * @return the name
	 */
	static String queueName(String field, String name) {
		try {
			return JobNames.checkQueueName(name);
		}
		catch (InvalidJobRequestException ex) {
			throw ConsoleRequestException.badRequest(field, ex.getMessage());
		}
	}

	/**
	 * Parse an enum constant, ignoring case, {@code -} and {@code _}, so that
	 * {@code created-at}, {@code createdAt} and {@code CREATED_AT} are one.
	 * @param <E> the enum
	 * @param type the enum type
	 * @param field the parameter or field
	 * @param value the text, or {@code null}
	 * @return the constant, or {@code null} if the text was {@code null} or empty
	 */
	static <E extends Enum<E>> @Nullable E enumValue(Class<E> type, String field, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		String wanted = normalized(value);
		for (E constant : type.getEnumConstants()) {
			if (normalized(constant.name()).equals(wanted)) {
				return constant;
			}
		}
		String expected = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
		throw ConsoleRequestException.badRequest(field,
				"Invalid " + field + " '" + value + "': expected one of " + expected);
	}

	private static String normalized(String text) {
		return text.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

	static @Nullable Duration duration(String field, @Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return DurationStyle.detectAndParse(value);
		}
		catch (IllegalArgumentException ex) {
			throw ConsoleRequestException.badRequest(field,
					"Invalid " + field + " '" + value + "': expected a duration such as 30s, 15m or PT1H");
		}
	}

	static @Nullable Instant instant(String field, @Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ConsoleRequestException.badRequest(field,
					"Invalid " + field + " '" + value + "': expected an ISO-8601 instant such as 2026-01-31T08:00:00Z");
		}
	}

	static @Nullable ZoneId zone(String field, @Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return ZoneId.of(value);
		}
		catch (RuntimeException ex) {
			throw ConsoleRequestException.badRequest(field,
					"Invalid " + field + " '" + value + "': expected a time zone such as UTC or Europe/Paris");
		}
	}

	static String required(String field, @Nullable String value) {
		if (value == null) {
			throw ConsoleRequestException.badRequest(field, "Field '" + field + "' is required");
		}
		return value;
	}

	/**
	 * Whether a schedule is an interval rather than a cron expression.
	 * @param schedule the schedule text
	 * @return {@code true} for a duration such as {@code 15m}
	 */
	static boolean isInterval(String schedule) {
		try {
			DurationStyle.detectAndParse(schedule);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
