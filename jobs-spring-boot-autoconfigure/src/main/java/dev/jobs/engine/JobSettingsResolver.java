package dev.jobs.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.jobs.RetryBackoff;
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

	private final Map<String, HandlerOverrides> overrides;

	private final Map<String, JobSettings> resolved = new ConcurrentHashMap<>();

	/**
	 * Create a resolver.
	 * @param handlers the registered handlers
	 * @param defaults the defaults
	 * @param overrides configured overrides by job name
	 */
	public JobSettingsResolver(JobHandlerRegistry handlers, JobDefaults defaults,
			Map<String, HandlerOverrides> overrides) {
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
		HandlerOverrides configured = this.overrides.getOrDefault(name, HandlerOverrides.NONE);
		RetryBackoff base = this.defaults.backoff();
		RetryBackoff backoff = new RetryBackoff(first(configured.backoffDelay(), declared.backoffDelay(), base.delay()),
				first(configured.backoffMultiplier(), declared.backoffMultiplier(), base.multiplier()),
				first(configured.backoffMaxDelay(), declared.backoffMaxDelay(), base.maxDelay()),
				first(configured.backoffJitter(), declared.backoffJitter(), base.jitter()));
		List<Class<? extends Throwable>> nonRetryable = new ArrayList<>(declared.nonRetryable());
		nonRetryable.addAll(configured.nonRetryable());
		return new JobSettings(first(configured.queue(), declared.queue(), this.defaults.queue()),
				first(configured.priority(), declared.priority(), this.defaults.priority()),
				first(configured.maxAttempts(), declared.maxAttempts(), this.defaults.maxAttempts()),
				first(configured.timeout(), declared.timeout(), this.defaults.timeout()), backoff,
				List.copyOf(nonRetryable));
	}

	private static <T> T first(@Nullable T configured, @Nullable T declared, T fallback) {
		if (configured != null) {
			return configured;
		}
		return (declared != null) ? declared : fallback;
	}

}
