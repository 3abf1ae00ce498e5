package dev.jobs.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.RetryBackoff;
import dev.jobs.engine.HandlerOverrides;
import dev.jobs.engine.JobDefaults;
import dev.jobs.engine.NodeNames;
import dev.jobs.engine.QueueSettings;
import dev.jobs.engine.WorkerSettings;
import dev.jobs.store.jdbc.TablePrefix;

/**
 * Turns {@link JobsProperties} into the engine's settings, failing with the property's
 * name when a value is invalid.
 */
final class JobsPropertiesMapper {

	private JobsPropertiesMapper() {
	}

	static TablePrefix tablePrefix(JobsProperties properties) {
		String prefix = properties.getSchema().getTablePrefix();
		if (!TablePrefix.isValid(prefix)) {
			throw new InvalidConfigurationPropertyValueException("jobs.schema.table-prefix", prefix,
					"A table prefix is a letter or underscore followed by up to 30 letters, digits or underscores.");
		}
		return new TablePrefix(prefix);
	}

	static JobDefaults defaults(JobsProperties properties) {
		JobsProperties.Defaults defaults = properties.getDefaults();
		if (defaults.getMaxAttempts() < 1) {
			throw new InvalidConfigurationPropertyValueException("jobs.defaults.max-attempts",
					defaults.getMaxAttempts(), "A job needs at least 1 attempt.");
		}
		if (defaults.getTimeout().isNegative() || defaults.getTimeout().isZero()) {
			throw new InvalidConfigurationPropertyValueException("jobs.defaults.timeout", defaults.getTimeout(),
					"The timeout must be more than zero.");
		}
		return new JobDefaults(defaults.getQueue(), defaults.getPriority(), defaults.getMaxAttempts(),
				defaults.getTimeout(), backoff("jobs.defaults.backoff", defaults.getBackoff()));
	}

	private static RetryBackoff backoff(String prefix, JobsProperties.Backoff backoff) {
		try {
			return new RetryBackoff(backoff.getDelay(), backoff.getMultiplier(), backoff.getMaxDelay(),
					backoff.getJitter());
		}
		catch (InvalidJobRequestException ex) {
			throw new InvalidConfigurationPropertyValueException(prefix, backoff.getDelay() + ", "
					+ backoff.getMultiplier() + ", " + backoff.getMaxDelay() + ", " + backoff.getJitter(),
					ex.getMessage());
		}
	}

	static Map<String, HandlerOverrides> handlerOverrides(JobsProperties properties) {
		Map<String, HandlerOverrides> overrides = new LinkedHashMap<>();
		properties.getHandlers().forEach((name, handler) -> {
			String prefix = "jobs.handlers." + name;
			if (handler.getMaxAttempts() != null && handler.getMaxAttempts() < 1) {
				throw new InvalidConfigurationPropertyValueException(prefix + ".max-attempts", handler.getMaxAttempts(),
						"A job needs at least 1 attempt.");
			}
			JobsProperties.HandlerBackoff backoff = handler.getBackoff();
			overrides.put(name,
					new HandlerOverrides(handler.getQueue(), handler.getPriority(), handler.getMaxAttempts(),
							handler.getTimeout(), backoff.getDelay(), backoff.getMultiplier(), backoff.getMaxDelay(),
							backoff.getJitter(), exceptionTypes(prefix + ".non-retryable", handler.getNonRetryable())));
		});
		return overrides;
	}

	@SuppressWarnings("unchecked")
	private static List<Class<? extends Throwable>> exceptionTypes(String property, List<String> names) {
		List<Class<? extends Throwable>> types = new ArrayList<>();
		for (String name : names) {
			Class<?> type;
			try {
				type = ClassUtils.forName(name.trim(), JobsPropertiesMapper.class.getClassLoader());
			}
			catch (ClassNotFoundException | LinkageError ex) {
				throw new InvalidConfigurationPropertyValueException(property, name, "No such class.");
			}
			if (!Throwable.class.isAssignableFrom(type)) {
				throw new InvalidConfigurationPropertyValueException(property, name, "Not an exception type.");
			}
			types.add((Class<? extends Throwable>) type);
		}
		return types;
	}

	static WorkerSettings workerSettings(JobsProperties properties) {
		JobsProperties.Worker worker = properties.getWorker();
		if (worker.getConcurrency() < 1) {
			throw new InvalidConfigurationPropertyValueException("jobs.worker.concurrency", worker.getConcurrency(),
					"At least one job must be able to run.");
		}
		if (worker.getStaleAfter().compareTo(worker.getHeartbeatInterval().multipliedBy(2)) < 0) {
			throw new InvalidConfigurationPropertyValueException("jobs.worker.stale-after", worker.getStaleAfter(),
					"It must be at least twice jobs.worker.heartbeat-interval (" + worker.getHeartbeatInterval()
							+ ") so that one late heartbeat does not get a live node declared dead.");
		}
		Map<String, QueueSettings> queues = new LinkedHashMap<>();
		properties.getQueues().forEach((name, queue) -> {
			if (queue.getConcurrency() != null && queue.getConcurrency() < 1) {
				throw new InvalidConfigurationPropertyValueException("jobs.queues." + name + ".concurrency",
						queue.getConcurrency(), "Use paused=true to stop a queue.");
			}
			queues.put(name, new QueueSettings(queue.getConcurrency(), queue.isPaused()));
		});
		String nodeName = StringUtils.hasText(properties.getNodeName()) ? properties.getNodeName()
				: NodeNames.generate();
		return new WorkerSettings(nodeName, worker.getConcurrency(), worker.getPollInterval(),
				worker.getShutdownTimeout(), worker.getHeartbeatInterval(), worker.getStaleAfter(), queues);
	}

}
