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
	 * When to show job payloads and results in the endpoint's responses.
	 */
	private Show showValues = Show.NEVER;

	/**
	 * Roles that may see payloads and results when show-values is WHEN_AUTHORIZED. Any
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
