package dev.jobs.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Who sends a console request and what the console lets them do, decided once per request
 * by the {@link ConsoleAccess} and kept as a request attribute.
 *
 * @param name the principal's name, or {@code null} when anonymous
 * @param mayRead whether the caller holds what reading needs
 * @param mayWrite whether the caller holds what writing needs (the access mode aside)
 * @param showValues whether the caller is shown payloads, results and other values
 */
record Caller(@Nullable String name, boolean mayRead, boolean mayWrite, boolean showValues) {

	private static final String ATTRIBUTE = Caller.class.getName();

	static final Caller ANONYMOUS = new Caller(null, true, true, false);

	/**
	 * The caller of a request that passed the {@link ConsoleAccessInterceptor}.
	 * @param request the request
	 * @return the caller
	 */
	static Caller of(HttpServletRequest request) {
		Object caller = request.getAttribute(ATTRIBUTE);
		return (caller instanceof Caller known) ? known : ANONYMOUS;
	}

	void storeIn(HttpServletRequest request) {
		request.setAttribute(ATTRIBUTE, this);
	}

	boolean authenticated() {
		return this.name != null;
	}

	/**
	 * How audit lines name the caller.
	 * @return the quoted name, or {@code anonymous}
	 */
	String audited() {
		return (this.name != null) ? "'" + ConsoleAudit.clean(this.name) + "'" : "anonymous";
	}

}
