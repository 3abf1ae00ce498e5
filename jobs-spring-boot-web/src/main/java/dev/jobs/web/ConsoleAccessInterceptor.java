package dev.jobs.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.jobs.web.JobsWebProperties.Access;

/**
 * Checks every request to a console controller before it runs: the caller must be allowed
 * to read, and a write (any method but GET, HEAD and OPTIONS) needs
 * {@code jobs.web.access=unrestricted} and the write authority. A refusal is 401 for an
 * anonymous caller and 403 otherwise; a refused write is audited.
 */
final class ConsoleAccessInterceptor implements HandlerInterceptor {

	private final ConsoleAccess access;

	private final JobsWebProperties properties;

	private final ConsoleAudit audit;

	ConsoleAccessInterceptor(ConsoleAccess access, JobsWebProperties properties, ConsoleAudit audit) {
		this.access = access;
		this.properties = properties;
		this.audit = audit;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !(method.getBean() instanceof ConsoleController)) {
			return true;
		}
		Caller caller = this.access.caller(request);
		caller.storeIn(request);
		if (!caller.mayRead()) {
			throw refused(caller, "Reading jobs through the console needs the authority '"
					+ this.properties.getReadAuthority() + "'" + (caller.authenticated() ? "" : ": sign in first"));
		}
		if (isWrite(request)) {
			String what = request.getMethod() + " " + request.getRequestURI();
			if (this.properties.getAccess() != Access.UNRESTRICTED) {
				this.audit.log("write", what, caller, "refused: read-only");
				throw new ConsoleRequestException(HttpStatus.FORBIDDEN, null,
						"The jobs console is read-only: jobs.web.access=unrestricted allows writes");
			}
			if (!caller.mayWrite()) {
				this.audit.log("write", what, caller, "refused: not authorized");
				throw refused(caller,
						"Changing jobs through the console needs the authority '" + this.properties.getWriteAuthority()
								+ "'" + (caller.authenticated() ? "" : ": sign in first"));
			}
		}
		return true;
	}

	private static ConsoleRequestException refused(Caller caller, String message) {
		return new ConsoleRequestException(caller.authenticated() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED,
				null, message);
	}

	private static boolean isWrite(HttpServletRequest request) {
		HttpMethod method = HttpMethod.valueOf(request.getMethod());
		return !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method));
	}

}
