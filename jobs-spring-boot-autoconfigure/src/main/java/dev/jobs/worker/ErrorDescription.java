package dev.jobs.worker;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Describes a handler's exception for storage: its message, then its stack trace, bounded
 * in size.
 */
final class ErrorDescription {

	static final int MAX_LENGTH = 8 * 1024;

	private ErrorDescription() {
	}

	static String of(Throwable exception) {
		StringWriter trace = new StringWriter();
		exception.printStackTrace(new PrintWriter(trace));
		String text = trace.toString();
		return (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) + "\n\t... (truncated)" : text;
	}

}
