package dev.jobs.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.JobNames;
import dev.jobs.RetryBackoff;
import dev.jobs.engine.HistoryRetention;
import dev.jobs.engine.JobDefaults;
import dev.jobs.engine.NodeNames;
import dev.jobs.handler.HandlerSettings;
import dev.jobs.store.jdbc.TablePrefix;
import dev.jobs.worker.GroupCommitSettings;
import dev.jobs.engine.QueueSettings;
import dev.jobs.worker.WorkerSettings;

/**
 * Turns {@link JobsProperties} into the engine's settings, failing with the property's
 * name when a value is invalid.
 */
final class JobsPropertiesMapper {

	// the widths of the name and queue columns in the migrations
	private static final int MAX_NAME_LENGTH = 200;

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
		requirePositive("jobs.defaults.timeout", defaults.getTimeout());
		requireQueueName("jobs.defaults.queue", defaults.getQueue());
		return new JobDefaults(defaults.getQueue(), defaults.getPriority(), defaults.getMaxAttempts(),
				defaults.getTimeout(), backoff("jobs.defaults.backoff", defaults.getBackoff()));
	}

	private static RetryBackoff backoff(String prefix, JobsProperties.Backoff backoff) {
		validateBackoff(prefix, backoff.getDelay(), backoff.getMultiplier(), backoff.getMaxDelay(),
				backoff.getJitter());
		try {
			return new RetryBackoff(backoff.getDelay(), backoff.getMultiplier(), backoff.getMaxDelay(),
					backoff.getJitter());
		}
		catch (InvalidJobRequestException ex) {
			// the values are valid one by one, so they do not fit together
			throw new InvalidConfigurationPropertyValueException(prefix + ".max-delay", backoff.getMaxDelay(),
					ex.getMessage());
		}
	}

	/**
	 * The overrides of handler settings by job name.
	 * @param properties the properties
	 * @param classLoader the application's class loader, which loads the
	 * {@code non-retryable} exception types; a starter's own class loader may not see
	 * application classes (DevTools' restart class loader, for one)
	 * @return the overrides
	 */
	static Map<String, HandlerSettings> handlerOverrides(JobsProperties properties, @Nullable ClassLoader classLoader) {
		Map<String, HandlerSettings> overrides = new LinkedHashMap<>();
		properties.getHandlers().forEach((name, handler) -> {
			String prefix = "jobs.handlers." + name;
			requireName(prefix, name, JobNames::checkJobName);
			if (handler.getMaxAttempts() != null && handler.getMaxAttempts() < 1) {
				throw new InvalidConfigurationPropertyValueException(prefix + ".max-attempts", handler.getMaxAttempts(),
						"A job needs at least 1 attempt.");
			}
			if (handler.getTimeout() != null) {
				requirePositive(prefix + ".timeout", handler.getTimeout());
			}
			if (handler.getQueue() != null) {
				requireQueueName(prefix + ".queue", handler.getQueue());
			}
			JobsProperties.HandlerBackoff backoff = handler.getBackoff();
			validateBackoff(prefix + ".backoff", backoff.getDelay(), backoff.getMultiplier(), backoff.getMaxDelay(),
					backoff.getJitter());
			overrides.put(name,
					new HandlerSettings(handler.getQueue(), handler.getPriority(), handler.getMaxAttempts(),
							handler.getTimeout(), backoff.getDelay(), backoff.getMultiplier(), backoff.getMaxDelay(),
							backoff.getJitter(),
							exceptionTypes(prefix + ".non-retryable", handler.getNonRetryable(), classLoader)));
		});
		return overrides;
	}

	/**
	 * Check backoff values one by one, those that are set, by the rules of
	 * {@link RetryBackoff}. For a handler's overrides, whether they fit together with its
	 * annotation's values and the defaults is checked when the settings of its job name
	 * are resolved.
	 */
	private static void validateBackoff(String prefix, @Nullable Duration delay, @Nullable Double multiplier,
			@Nullable Duration maxDelay, @Nullable Double jitter) {
		HandlerSettings.BackoffProblem problem = new HandlerSettings(null, null, null, null, delay, multiplier,
				maxDelay, jitter, List.of())
			.backoffProblem();
		if (problem != null) {
			String property = prefix + "."
					+ (problem.attribute().equals("maxDelay") ? "max-delay" : problem.attribute());
			throw new InvalidConfigurationPropertyValueException(property, problem.value(), problem.reason());
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Class<? extends Throwable>> exceptionTypes(String property, List<String> names,
			@Nullable ClassLoader classLoader) {
		List<Class<? extends Throwable>> types = new ArrayList<>();
		for (String name : names) {
			Class<?> type;
			try {
				type = ClassUtils.forName(name.trim(), classLoader);
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
		requirePositive("jobs.worker.poll-interval", worker.getPollInterval());
		requirePositive("jobs.worker.heartbeat-interval", worker.getHeartbeatInterval());
		if (worker.getShutdownTimeout().isNegative()) {
			throw new InvalidConfigurationPropertyValueException("jobs.worker.shutdown-timeout",
					worker.getShutdownTimeout(), "The timeout must not be negative.");
		}
		if (worker.getStaleAfter().compareTo(worker.getHeartbeatInterval().multipliedBy(2)) < 0) {
			throw new InvalidConfigurationPropertyValueException("jobs.worker.stale-after", worker.getStaleAfter(),
					"It must be at least twice jobs.worker.heartbeat-interval (" + worker.getHeartbeatInterval()
							+ ") so that one late heartbeat does not get a live node declared dead.");
		}
		Map<String, QueueSettings> queues = queueSettings(properties);
		String nodeName = StringUtils.hasText(properties.getNodeName()) ? properties.getNodeName().trim()
				: NodeNames.generate();
		if (nodeName.length() > MAX_NAME_LENGTH) {
			throw new InvalidConfigurationPropertyValueException("jobs.node-name", nodeName,
					"A node name has at most " + MAX_NAME_LENGTH + " characters, the width of its column.");
		}
		return new WorkerSettings(nodeName, worker.getConcurrency(), worker.getPollInterval(),
				worker.getShutdownTimeout(), worker.getHeartbeatInterval(), worker.getStaleAfter(), queues,
				groupCommit(worker.getGroupCommit()), virtualThreads(worker.isVirtualThreads()));
	}

	/**
	 * How this node treats the queues of {@code jobs.queues.*}.
	 * @param properties the properties
	 * @return the settings by queue name
	 * @throws InvalidConfigurationPropertyValueException if a queue name or concurrency
	 * is not valid
	 */
	public static Map<String, QueueSettings> queueSettings(JobsProperties properties) {
		Map<String, QueueSettings> queues = new LinkedHashMap<>();
		properties.getQueues().forEach((name, queue) -> {
			requireName("jobs.queues." + name, name, JobNames::checkQueueName);
			if (queue.getConcurrency() != null && queue.getConcurrency() < 1) {
				throw new InvalidConfigurationPropertyValueException("jobs.queues." + name + ".concurrency",
						queue.getConcurrency(), "Use paused=true to stop a queue.");
			}
			queues.put(name, new QueueSettings(queue.getConcurrency(), queue.isPaused()));
		});
		return queues;
	}

	private static GroupCommitSettings groupCommit(JobsProperties.GroupCommit groupCommit) {
		if (groupCommit.getMaxSize() < 1) {
			throw new InvalidConfigurationPropertyValueException("jobs.worker.group-commit.max-size",
					groupCommit.getMaxSize(), "A batch holds at least 1 attempt.");
		}
		Duration window = groupCommit.getWindow();
		if (window == null || window.isNegative()) {
			throw new InvalidConfigurationPropertyValueException("jobs.worker.group-commit.window", window,
					"The window must be 0 or longer.");
		}
		return new GroupCommitSettings(groupCommit.getMaxSize(), window);
	}

	private static boolean virtualThreads(boolean requested) {
		int java = Runtime.version().feature();
		if (requested && java < 21) {
			throw new InvalidConfigurationPropertyValueException("jobs.worker.virtual-threads", true,
					"Virtual threads need Java 21 or later; this application runs on Java " + java + ".");
		}
		return requested;
	}

	static int payloadMaxSize(JobsProperties properties) {
		DataSize maxSize = properties.getPayload().getMaxSize();
		if (maxSize == null || maxSize.toBytes() < 1) {
			throw new InvalidConfigurationPropertyValueException("jobs.payload.max-size", maxSize,
					"The largest payload must be at least 1 byte.");
		}
		return (int) Math.min(Integer.MAX_VALUE, maxSize.toBytes());
	}

	private static void requirePositive(String property, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidConfigurationPropertyValueException(property, value, "It must be more than zero.");
		}
	}

	private static void requireQueueName(String property, String queue) {
		requireName(property, queue, JobNames::checkQueueName);
	}

	/**
	 * Check a name from configuration, a property's value or the map key in its name.
	 * @param property the property, for the message
	 * @param name the name
	 * @param rule the rule of {@link JobNames} it follows
	 */
	static void requireName(String property, String name, UnaryOperator<String> rule) {
		try {
			rule.apply(name);
		}
		catch (InvalidJobRequestException ex) {
			throw new InvalidConfigurationPropertyValueException(property, name, ex.getMessage() + ".");
		}
	}

	static HistoryRetention historyRetention(JobsProperties properties) {
		JobsProperties.History history = properties.getHistory();
		requirePositive("jobs.history.retention", history.getRetention());
		Duration retentionFailed = history.getRetentionFailed();
		if (retentionFailed != null) {
			requirePositive("jobs.history.retention-failed", retentionFailed);
		}
		requirePositive("jobs.history.cleanup-interval", history.getCleanupInterval());
		if (history.getCleanupBatchSize() < 1) {
			throw new InvalidConfigurationPropertyValueException("jobs.history.cleanup-batch-size",
					history.getCleanupBatchSize(), "The cleanup must delete at least 1 job per batch.");
		}
		return new HistoryRetention(history.getRetention(),
				(retentionFailed != null) ? retentionFailed : history.getRetention(), history.getCleanupInterval(),
				history.getCleanupBatchSize());
	}

	static int maxLogLines(JobsProperties properties) {
		int maxLogLines = properties.getHistory().getMaxLogLines();
		if (maxLogLines < 0) {
			throw new InvalidConfigurationPropertyValueException("jobs.history.max-log-lines", maxLogLines,
					"It must not be negative; 0 keeps no log lines with the jobs.");
		}
		return maxLogLines;
	}

	static Duration failureRateWindow(JobsProperties properties) {
		Duration window = properties.getHealth().getFailureRateWindow();
		requirePositive("jobs.health.failure-rate-window", window);
		return window;
	}

	static Map<String, Integer> backlogThresholds(JobsProperties properties) {
		Map<String, Integer> thresholds = new LinkedHashMap<>();
		properties.getQueues().forEach((queue, settings) -> {
			Integer threshold = settings.getBacklogThreshold();
			if (threshold != null) {
				if (threshold < 0) {
					throw new InvalidConfigurationPropertyValueException("jobs.queues." + queue + ".backlog-threshold",
							threshold, "A backlog threshold must not be negative.");
				}
				thresholds.put(queue, threshold);
			}
		});
		return thresholds;
	}

}
