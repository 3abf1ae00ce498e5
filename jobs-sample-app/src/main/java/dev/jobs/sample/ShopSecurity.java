package dev.jobs.sample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.jobs.web.JobsWebProblemHandler;

/**
 * Puts the operations console behind a form login with two users, {@code viewer} (may
 * look) and {@code operator} (may also change jobs); the shop's own REST API and the
 * Actuator endpoints stay as open as before.
 */
@Configuration(proxyBeanMethods = false)
class ShopSecurity {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, JobsWebProblemHandler problems) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher consoleApi = paths.matcher("/jobs/api/**");
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(consoleApi)
			.hasAuthority("jobs:read")
			// the dashboard's page: signing in starts here; its scripts and styles hold
			// no data
			.requestMatchers(paths.matcher("/jobs"), paths.matcher("/jobs/"))
			.authenticated()
			.anyRequest()
			.permitAll())
			.formLogin(Customizer.withDefaults())
			// the shop's own JSON API is called without a session (curl, other services)
			.csrf((csrf) -> csrf.ignoringRequestMatchers(paths.matcher("/customers"), paths.matcher("/orders"),
					paths.matcher("/actuator/**")))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(problems, consoleApi)
				.defaultAccessDeniedHandlerFor(problems, consoleApi));
		return http.build();
	}

	@Bean
	UserDetailsService users() {
		// a sample's users: real applications keep theirs elsewhere, with hashed
		// passwords
		return new InMemoryUserDetailsManager(
				User.withUsername("viewer").password("{noop}viewer").authorities("jobs:read").build(),
				User.withUsername("operator")
					.password("{noop}operator")
					.authorities("jobs:read", "jobs:write")
					.build());
	}

}
