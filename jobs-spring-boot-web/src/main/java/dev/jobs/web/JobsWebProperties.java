package dev.jobs.web;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Configuration properties of the operations console.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("jobs.web")
public class JobsWebProperties {

	/**
	 * Whether to serve the console's API on the application's Spring MVC server.
	 */
	private boolean enabled = false;

	/**
	 * Base path of the console; its JSON API is served under {path}/api.
	 */
	private String path = "/jobs";

	/**
	 * Which requests the console accepts: read-only, or unrestricted to allow writes too.
	 */
	private Access access = Access.READ_ONLY;

	/**
	 * With Spring Security, authority a principal needs to use the console.
	 */
	private @Nullable String readAuthority;

	/**
	 * With Spring Security, authority a principal needs to change jobs through the
	 * console.
	 */
	private @Nullable String writeAuthority;

	/**
	 * When to show payloads, results, error texts, log lines and unique keys rather than
	 * masking them.
	 */
	private ShowValues showValues = ShowValues.WHEN_AUTHORIZED;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		if (path == null || !path.startsWith("/") || path.length() < 2 || path.endsWith("/") || path.contains("*")
				|| path.contains("{")) {
			throw new InvalidConfigurationPropertyValueException("jobs.web.path", path,
					"must start with '/', must not end with '/' and must not contain patterns, such as /jobs");
		}
		this.path = path;
	}

	public Access getAccess() {
		return this.access;
	}

	public void setAccess(Access access) {
		this.access = access;
	}

	public @Nullable String getReadAuthority() {
		return this.readAuthority;
	}

	public void setReadAuthority(@Nullable String readAuthority) {
		this.readAuthority = blankToNull(readAuthority);
	}

	public @Nullable String getWriteAuthority() {
		return this.writeAuthority;
	}

	public void setWriteAuthority(@Nullable String writeAuthority) {
		this.writeAuthority = blankToNull(writeAuthority);
	}

	public ShowValues getShowValues() {
		return this.showValues;
	}

	public void setShowValues(ShowValues showValues) {
		this.showValues = showValues;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	/**
	 * Which requests the console accepts.
	 */
	public enum Access {

		/**
		 * Reads only; every write is refused with 403.
		 */
		READ_ONLY,

		/**
		 * Reads and writes, subject to the write authority when one is set.
		 */
		UNRESTRICTED

	}

	/**
	 * When the console shows a job's values rather than {@code ******}.
	 */
	public enum ShowValues {

		/**
		 * Never shown.
		 */
		NEVER,

		/**
		 * Shown to an authenticated principal holding the read authority, or to any
		 * authenticated principal when none is set; never without Spring Security.
		 */
		WHEN_AUTHORIZED,

		/**
		 * Always shown.
		 */
		ALWAYS

	}

}
