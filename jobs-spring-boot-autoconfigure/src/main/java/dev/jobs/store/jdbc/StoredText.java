package dev.jobs.store.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * Cleans and bounds the texts that exceptions and handlers give the store (error
 * messages, stack traces, log lines), so that their characters or their length never fail
 * a write: control characters other than tab, line feed and carriage return (PostgreSQL
 * refuses NUL in text) and unpaired surrogates (which no database encoding holds) become
 * U+FFFD, and a text longer than its column is cut, never inside a surrogate pair, and
 * marked as cut.
 */
final class StoredText {

	private static final char REPLACEMENT = '\uFFFD';

	private static final String CUT = "... (truncated)";

	private StoredText() {
	}

	/**
	 * Clean a text and bound it to a number of characters.
	 * @param text the text, or {@code null}
	 * @param maxLength the most characters kept, at least the length of the cut mark
	 * @return the text to store, or {@code null}
	 */
	static @Nullable String clean(@Nullable String text, int maxLength) {
		if (text == null) {
			return null;
		}
		String cleaned = isClean(text) ? text : replaceUnstorable(text);
		return (cleaned.length() > maxLength) ? cut(cleaned, maxLength) : cleaned;
	}

	private static boolean isClean(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isControl(c) || Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	private static String replaceUnstorable(String text) {
		StringBuilder cleaned = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				cleaned.append(c).append(text.charAt(++i));
			}
			else {
				cleaned.append((isControl(c) || Character.isSurrogate(c)) ? REPLACEMENT : c);
			}
		}
		return cleaned.toString();
	}

	private static boolean isControl(char c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
	}

	private static String cut(String text, int maxLength) {
		int end = Math.max(0, maxLength - CUT.length());
		if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + CUT;
	}

}
