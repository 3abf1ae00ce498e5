package dev.jobs.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.jobs.web.JobsWebProperties.ShowValues;

/**
 * The {@link ConsoleAccess} without Spring Security: everyone is anonymous; values are
 * shown only under {@code show-values=always}; a configured authority cannot be checked,
 * so what it guards is refused.
 */
final class PlainConsoleAccess implements ConsoleAccess {

	private final Caller caller;

	PlainConsoleAccess(JobsWebProperties properties) {
		boolean mayRead = properties.getReadAuthority() == null;
		boolean mayWrite = mayRead && properties.getWriteAuthority() == null;
		this.caller = new Caller(null, mayRead, mayWrite, properties.getShowValues() == ShowValues.ALWAYS);
	}

	@Override
	public Caller caller(HttpServletRequest request) {
		return this.caller;
	}

	@Override
	public @Nullable CsrfView csrf(HttpServletRequest request) {
		return null;
	}

}
