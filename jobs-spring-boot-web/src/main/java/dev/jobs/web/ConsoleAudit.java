package dev.jobs.web;

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Writes one INFO line on the {@code dev.jobs.audit} logger for each write request to the
 * console: the operation, its target, the principal and the outcome. Texts from the
 * request have their control characters replaced, so that a name cannot forge a line of
 * its own.
 */
final class ConsoleAudit {

	private static final Log logger = LogFactory.getLog("dev.jobs.audit");

	/**
	 * Run a write and log its outcome: {@code done}, or the message of the exception it
	 * threw (which is thrown on).
	 * @param <T> the write's result
	 * @param operation what is done, such as {@code cancel}
	 * @param target what it is done to, such as {@code job 0190...}
	 * @param caller who asks
	 * @param write the write
	 * @return the write's result
	 */
	<T> T audited(String operation, String target, Caller caller, Supplier<T> write) {
		try {
			T result = write.get();
			log(operation, target, caller, "done");
			return result;
		}
		catch (RuntimeException ex) {
			log(operation, target, caller, "refused: " + ex.getMessage());
			throw ex;
		}
	}

	void log(String operation, String target, Caller caller, String outcome) {
		logger.info("Jobs console: " + clean(operation) + " of " + clean(target) + " by " + caller.audited() + ": "
				+ clean(outcome));
	}

	static String clean(String text) {
		StringBuilder cleaned = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> cleaned.appendCodePoint(Character.isISOControl(c) ? '?' : c));
		return cleaned.toString();
	}

}
