package dev.jobs.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.jobs.handler.HandlerSettings;
import dev.jobs.handler.JobHandlerMethod;
import dev.jobs.handler.JobHandlerRegistry;

/**
 * Resolves the settings of a job name: configured overrides
 * ({@code jobs.handlers.<name>.*}) first, then the handler's annotation, then the
 * defaults ({@code jobs.defaults.*}). A name without a local handler still gets its
 * configured overrides.
 */
public class JobSettingsResolver {

	private final JobHandlerRegistry handlers;

	private final JobDefaults defaults;

	private final Map<String, HandlerSettings> overrides;

	private final Map<String, JobSettings> resolved = new ConcurrentHashMap<>();

	/**
	 * Create a resolver.
	 * @param handlers the registered handlers
	 * @param defaults the defaults
	 * @param overrides configured overrides by job name
	 */
	public JobSettingsResolver(JobHandlerRegistry handlers, JobDefaults defaults,
			Map<String, HandlerSettings> overrides) {
		this.handlers = handlers;
		this.defaults = defaults;
		this.overrides = Map.copyOf(overrides);
	}

	/**
	 * The settings of a job name.
	 * @param name the job name
	 * @return its settings
	 */
	public JobSettings resolve(String name) {
		JobSettings settings = this.resolved.get(name);
		if (settings == null) {
			settings = compute(name);
			if (this.handlers.find(name) != null) {
				this.resolved.put(name, settings);
			}
		}
		return settings;
	}

	private JobSettings compute(String name) {
		JobHandlerMethod handler = this.handlers.find(name);
		HandlerSettings declared = (handler != null) ? handler.settings() : HandlerSettings.NONE;
		HandlerSettings settings = this.overrides.getOrDefault(name, HandlerSettings.NONE).orElse(declared);
		return new JobSettings(orDefault(settings.queue(), this.defaults.queue()),
				orDefault(settings.priority(), this.defaults.priority()),
				orDefault(settings.maxAttempts(), this.defaults.maxAttempts()),
				orDefault(settings.timeout(), this.defaults.timeout()), settings.backoffOver(this.defaults.backoff()),
				settings.nonRetryable());
	}

	private static <T> T orDefault(@Nullable T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
