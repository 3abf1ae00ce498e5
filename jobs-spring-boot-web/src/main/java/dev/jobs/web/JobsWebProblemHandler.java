package dev.jobs.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Answers the application's security chain's refusals of console requests as the console
 * answers its own: RFC 9457 problem details, 401 for an unauthenticated request and 403
 * for a forbidden one (a missing CSRF token included). The console adds no security chain
 * of its own; an application plugs this bean into its chain for the console's path:
 *
 * <pre class="code">
 * RequestMatcher console = PathPatternRequestMatcher.withDefaults().matcher("/jobs/api/**");
 * http.exceptionHandling((exceptions) -&gt; exceptions
 *     .defaultAuthenticationEntryPointFor(problems, console)
 *     .defaultAccessDeniedHandlerFor(problems, console));
 * </pre>
 *
 * @since 0.1.0
 */
public final class JobsWebProblemHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper mapper = ConsoleJsonHttpMessageConverter.consoleMapper();

	/**
	 * Create the handler.
	 */
	public JobsWebProblemHandler() {
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		write(request, response, HttpStatus.UNAUTHORIZED, "Sign in to use the jobs console");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, (accessDeniedException instanceof CsrfException)
				? "A write needs the CSRF token that GET /me reports" : "Access denied");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.mapper.writeValue(response.getOutputStream(), Problem.of(status, detail, request.getRequestURI(), null));
	}

}
