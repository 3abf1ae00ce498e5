package dev.jobs.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.csrf.CsrfToken;

import dev.jobs.web.JobsWebProperties.ShowValues;

/**
 * The {@link ConsoleAccess} with Spring Security: the caller is the current
 * {@link Authentication}, checked against the read and write authorities on top of
 * whatever the application's own security chain requires. The CSRF token is the one the
 * application's chain put in the request.
 */
final class SecurityConsoleAccess implements ConsoleAccess {

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	private final SecurityContextHolderStrategy contextHolder;

	private final JobsWebProperties properties;

	SecurityConsoleAccess(@Nullable SecurityContextHolderStrategy contextHolder, JobsWebProperties properties) {
		this.contextHolder = (contextHolder != null) ? contextHolder : SecurityContextHolder.getContextHolderStrategy();
		this.properties = properties;
	}

	@Override
	public Caller caller(HttpServletRequest request) {
		Authentication authentication = this.contextHolder.getContext().getAuthentication();
		boolean authenticated = authentication != null && authentication.isAuthenticated()
				&& !this.trustResolver.isAnonymous(authentication);
		if (!authenticated) {
			String readAuthority = this.properties.getReadAuthority();
			boolean mayRead = readAuthority == null;
			boolean mayWrite = mayRead && this.properties.getWriteAuthority() == null;
			return new Caller(null, mayRead, mayWrite, this.properties.getShowValues() == ShowValues.ALWAYS);
		}
		boolean mayRead = holds(authentication, this.properties.getReadAuthority());
		boolean mayWrite = mayRead && holds(authentication, this.properties.getWriteAuthority());
		boolean showValues = switch (this.properties.getShowValues()) {
			case ALWAYS -> true;
			case NEVER -> false;
			case WHEN_AUTHORIZED -> mayRead;
		};
		return new Caller(authentication.getName(), mayRead, mayWrite, showValues);
	}

	private static boolean holds(Authentication authentication, @Nullable String authority) {
		if (authority == null) {
			return true;
		}
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			if (authority.equals(granted.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public @Nullable CsrfView csrf(HttpServletRequest request) {
		Object attribute = request.getAttribute(CsrfToken.class.getName());
		if (attribute instanceof CsrfToken token) {
			return new CsrfView(token.getHeaderName(), token.getToken());
		}
		return null;
	}

}
