package dev.jobs;

import org.jspecify.annotations.Nullable;

/**
 * The rules for the names the store keeps and compares: job names, queue names, recurring
 * job names and unique keys. A name is not blank, has at most as many characters (Unicode
 * code points) as its column, contains no control character and no unpaired surrogate,
 * and neither starts nor ends with white space (MySQL and MariaDB compare {@code "a"} and
 * {@code "a "} as equal, so a trailing space would make two names one). Any other
 * character is kept byte for byte: quotes, {@code %}, {@code _}, emoji, right-to-left
 * text. {@link JobRequest}, {@link RecurringJobRequest}, the annotations and the
 * {@code jobs.*} configuration apply these rules; an application may apply them to names
 * it takes from its users before it builds a request.
 *
 * @since 0.1.0
 */
public final class JobNames {

	/**
	 * The longest job name, in characters.
	 */
	public static final int MAX_JOB_NAME_LENGTH = 200;

	/**
	 * The longest queue name, in characters.
	 */
	public static final int MAX_QUEUE_NAME_LENGTH = 100;

	/**
	 * The longest recurring job name, in characters.
	 */
	public static final int MAX_RECURRING_NAME_LENGTH = 150;

	/**
	 * The longest unique key, in characters.
	 */
	public static final int MAX_UNIQUE_KEY_LENGTH = 200;

	private static final int SHOWN_LENGTH = 60;

	private JobNames() {
	}

	/**
	 * Check a job name, which is also its handler's name.
	 * @param name the name
	 * @return the name
	 * @throws InvalidJobRequestException if it breaks a rule
	 */
	public static String checkJobName(@Nullable String name) {
		return check("Job name", name, MAX_JOB_NAME_LENGTH);
	}

	/**
	 * Check a queue name.
	 * @param name the name
	 * @return the name
	 * @throws InvalidJobRequestException if it breaks a rule
	 */
	public static String checkQueueName(@Nullable String name) {
		return check("Queue name", name, MAX_QUEUE_NAME_LENGTH);
	}

	/**
	 * Check a recurring job's name.
	 * @param name the name
	 * @return the name
	 * @throws InvalidJobRequestException if it breaks a rule
	 */
	public static String checkRecurringName(@Nullable String name) {
		return check("Recurring job name", name, MAX_RECURRING_NAME_LENGTH);
	}

	/**
	 * Check a unique key.
	 * @param key the key
	 * @return the key
	 * @throws InvalidJobRequestException if it breaks a rule
	 */
	public static String checkUniqueKey(@Nullable String key) {
		return check("Unique key", key, MAX_UNIQUE_KEY_LENGTH);
	}

	static String check(String what, @Nullable String value, int maxLength) {
		String problem = problem(value, maxLength);
		if (problem != null) {
			throw new InvalidJobRequestException(what + " " + problem);
		}
		return value;
	}

	private static @Nullable String problem(@Nullable String value, int maxLength) {
		if (value == null) {
			return "must not be null";
		}
		if (value.isBlank()) {
			return "must not be blank, was " + shown(value);
		}
		if (value.length() > maxLength) {
			return "must be at most " + maxLength + " characters (the width of its column), was " + value.length()
					+ ": " + shown(value);
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c)) {
				return "must not contain control characters, has U+" + String.format("%04X", (int) c) + " at index " + i
						+ ": " + shown(value);
			}
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return "must not contain an unpaired surrogate, has U+" + String.format("%04X", (int) c) + " at index "
						+ i + ": " + shown(value);
			}
		}
		if (isSpace(value.codePointAt(0)) || isSpace(value.codePointBefore(value.length()))) {
			return "must not start or end with white space: " + shown(value);
		}
		return null;
	}

	private static boolean isSpace(int codePoint) {
		return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
	}

	private static String shown(String value) {
		StringBuilder shown = new StringBuilder("'");
		value.codePoints().limit(SHOWN_LENGTH).forEach((c) -> {
			if (Character.isISOControl(c) || Character.isSurrogate((char) c)) {
				shown.append(String.format("\\u%04X", c));
			}
			else {
				shown.appendCodePoint(c);
			}
		});
		shown.append('\'');
		return (value.codePointCount(0, value.length()) > SHOWN_LENGTH) ? shown + "..." : shown.toString();
	}

}
