package dev.jobs.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Decides who calls the console and what they may do: from Spring Security's
 * {@code Authentication} when Spring Security is there, otherwise everyone is anonymous.
 */
interface ConsoleAccess {

	/**
	 * The caller of a request.
	 * @param request the request
	 * @return the caller
	 */
	Caller caller(HttpServletRequest request);

	/**
	 * The CSRF token the application's security chain expects on writes.
	 * @param request the request
	 * @return the token, or {@code null} without Spring Security or CSRF protection
	 */
	@Nullable CsrfView csrf(HttpServletRequest request);

}
