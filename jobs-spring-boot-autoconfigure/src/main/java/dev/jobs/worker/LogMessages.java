package dev.jobs.worker;

import org.jspecify.annotations.Nullable;

import dev.jobs.store.JobLogStore;

/**
 * Turns a formatted log message and its exception into the text of a stored job log line:
 * the message, then one line per exception of the cause chain ({@code Type: message}),
 * cut to {@link JobLogStore#MAX_MESSAGE_LENGTH} characters.
 */
final class LogMessages {

	private static final int MAX_CAUSES = 5;

	private static final String CUT = "...";

	private LogMessages() {
	}

	static String of(@Nullable String message, @Nullable Throwable throwable) {
		StringBuilder text = new StringBuilder((message != null) ? message : "null");
		Throwable current = throwable;
		for (int i = 0; current != null && i < MAX_CAUSES; i++) {
			text.append((i == 0) ? "\n" : "\nCaused by: ").append(current);
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return cut(text.toString().replace('\u0000', '\uFFFD'));
	}

	private static String cut(String text) {
		int max = JobLogStore.MAX_MESSAGE_LENGTH;
		if (text.length() <= max) {
			return text;
		}
		int end = max - CUT.length();
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + CUT;
	}

}
