package dev.jobs.autoconfigure.endpoint;

import java.util.HashSet;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the {@code jobs} endpoint.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("management.endpoint.jobs")
public class JobsEndpointProperties {

	/**
	 * When to show job payloads, results, unique keys, error texts (with their stack
	 * traces) and log lines in the endpoint's responses; otherwise they are shown as
	 * ******.
	 */
	private Show showValues = Show.NEVER;

	/**
	 * Roles that may see those values when show-values is WHEN_AUTHORIZED. Any
	 * authenticated user may when none are given.
	 */
	private final Set<String> roles = new HashSet<>();

	public Show getShowValues() {
		return this.showValues;
	}

	public void setShowValues(Show showValues) {
		this.showValues = showValues;
	}

	public Set<String> getRoles() {
		return this.roles;
	}

}
