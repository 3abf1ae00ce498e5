package dev.jobs.web;

/**
 * Properties the console's tests share.
 */
final class ConsoleTestProperties {

	static final String NO_SECURITY = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration";

	static final String H2 = "spring.datasource.url=jdbc:h2:mem:console-${random.uuid};DB_CLOSE_DELAY=-1";

	static final String ENABLED = "jobs.web.enabled=true";

	static final String FAST_POLL = "jobs.worker.poll-interval=100ms";

	static final String AUDIT = "logging.level.dev.jobs.audit=INFO";

	private ConsoleTestProperties() {
	}

}
