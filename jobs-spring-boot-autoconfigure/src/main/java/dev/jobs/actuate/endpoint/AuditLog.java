package dev.jobs.actuate.endpoint;

import java.security.Principal;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SecurityContext;

import dev.jobs.actuate.endpoint.JobsEndpoint.ActionDescriptor;

/**
 * Writes one INFO line on the {@code dev.jobs.audit} logger for each write operation of
 * the {@link JobsEndpoint}: the operation, its target, the principal and the outcome.
 * Texts from the request are written with their control characters replaced, so that a
 * name cannot forge a line of its own.
 */
final class AuditLog {

	private static final Log logger = LogFactory.getLog("dev.jobs.audit");

	private AuditLog() {
	}

	static @Nullable ActionDescriptor audited(SecurityContext securityContext, @Nullable String action, String target,
			Supplier<@Nullable ActionDescriptor> operation) {
		String who = principal(securityContext);
		try {
			ActionDescriptor result = operation.get();
			log(action, target, who, (result == null) ? "not found" : (result.done() ? "done" : "nothing to do"));
			return result;
		}
		catch (RuntimeException ex) {
			log(action, target, who, "refused: " + ex.getMessage());
			throw ex;
		}
	}

	private static void log(@Nullable String action, String target, String who, String outcome) {
		logger.info("Jobs endpoint: " + clean(String.valueOf(action)) + " of " + clean(target) + " by " + who + ": "
				+ clean(outcome));
	}

	private static String principal(SecurityContext securityContext) {
		Principal principal = securityContext.getPrincipal();
		return (principal != null) ? "'" + clean(principal.getName()) + "'" : "no principal";
	}

	private static String clean(String text) {
		StringBuilder cleaned = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> cleaned.appendCodePoint(Character.isISOControl(c) ? '?' : c));
		return cleaned.toString();
	}

}
