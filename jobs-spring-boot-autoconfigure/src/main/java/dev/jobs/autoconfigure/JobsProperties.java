package dev.jobs.autoconfigure;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import dev.jobs.CronDialect;
import dev.jobs.Priority;

/**
 * Configuration properties of the jobs starter.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("jobs")
public class JobsProperties {

	/**
	 * Whether to enable the jobs starter.
	 */
	private boolean enabled = true;

	/**
	 * Name of this node in executions, logs and the endpoint. Defaults to the host name,
	 * the process id and a short random suffix.
	 */
	private @Nullable String nodeName;

	/**
	 * Whether enqueueing a job name that has no handler in this application fails.
	 */
	private boolean strictNames = false;

	/**
	 * Settings of this node's worker.
	 */
	private final Worker worker = new Worker();

	/**
	 * Per-queue settings, by queue name.
	 */
	private final Map<String, Queue> queues = new LinkedHashMap<>();

	/**
	 * Settings of jobs that neither their request nor their handler sets.
	 */
	private final Defaults defaults = new Defaults();

	/**
	 * Overrides of handler annotation values, by job name.
	 */
	private final Map<String, Handler> handlers = new LinkedHashMap<>();

	/**
	 * Management of the starter's tables.
	 */
	private final Schema schema = new Schema();

	/**
	 * Limits on payloads.
	 */
	private final Payload payload = new Payload();

	/**
	 * Recurring jobs by name, each with cron, interval, zone, enabled, payload, handler,
	 * allow-concurrent, run-on-start, max-runs, end-at and misfire, overriding the values
	 * of the @RecurringJob of that name or defining a recurring job that names a handler.
	 */
	private final Map<String, RecurringJobProperties> recurring = new LinkedHashMap<>();

	/**
	 * Retention of finished jobs and the lines they log.
	 */
	private final History history = new History();

	/**
	 * Thresholds of the jobs health contributor.
	 */
	private final Health health = new Health();

	/**
	 * Wake-ups of other nodes when jobs are enqueued.
	 */
	private final Notifications notifications = new Notifications();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getNodeName() {
		return this.nodeName;
	}

	public void setNodeName(@Nullable String nodeName) {
		this.nodeName = nodeName;
	}

	public boolean isStrictNames() {
		return this.strictNames;
	}

	public void setStrictNames(boolean strictNames) {
		this.strictNames = strictNames;
	}

	public Worker getWorker() {
		return this.worker;
	}

	public Map<String, Queue> getQueues() {
		return this.queues;
	}

	public Defaults getDefaults() {
		return this.defaults;
	}

	public Map<String, Handler> getHandlers() {
		return this.handlers;
	}

	public Schema getSchema() {
		return this.schema;
	}

	public Payload getPayload() {
		return this.payload;
	}

	public Map<String, RecurringJobProperties> getRecurring() {
		return this.recurring;
	}

	public History getHistory() {
		return this.history;
	}

	public Health getHealth() {
		return this.health;
	}

	public Notifications getNotifications() {
		return this.notifications;
	}

	/**
	 * Settings of this node's worker.
	 */
	public static class Worker {

		/**
		 * Whether this node runs jobs; when false it only enqueues.
		 */
		private boolean enabled = true;

		/**
		 * Whether the worker starts with the application context; when false it waits for
		 * JobWorker.start().
		 */
		private boolean autoStart = true;

		/**
		 * Maximum number of jobs running at once on this node.
		 */
		private int concurrency = 10;

		/**
		 * How often an idle node looks for due jobs.
		 */
		private Duration pollInterval = Duration.ofSeconds(1);

		/**
		 * How long a graceful shutdown waits for running jobs before handing them back.
		 * Keep it below spring.lifecycle.timeout-per-shutdown-phase and the platform's
		 * grace period (Kubernetes: 30s), so that the hand-back happens.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(20);

		/**
		 * How often the node heartbeats and checks for dead nodes.
		 */
		private Duration heartbeatInterval = Duration.ofSeconds(10);

		/**
		 * How long a node may go without a heartbeat, by the database's clock, before its
		 * running jobs are rescued.
		 */
		private Duration staleAfter = Duration.ofSeconds(60);

		/**
		 * Whether handlers run on virtual threads rather than on a pool of platform
		 * threads. Needs Java 21 or later.
		 */
		private boolean virtualThreads = false;

		/**
		 * How the ends of attempts are written in batches.
		 */
		private final GroupCommit groupCommit = new GroupCommit();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isAutoStart() {
			return this.autoStart;
		}

		public void setAutoStart(boolean autoStart) {
			this.autoStart = autoStart;
		}

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

		public Duration getHeartbeatInterval() {
			return this.heartbeatInterval;
		}

		public void setHeartbeatInterval(Duration heartbeatInterval) {
			this.heartbeatInterval = heartbeatInterval;
		}

		public Duration getStaleAfter() {
			return this.staleAfter;
		}

		public void setStaleAfter(Duration staleAfter) {
			this.staleAfter = staleAfter;
		}

		public boolean isVirtualThreads() {
			return this.virtualThreads;
		}

		public void setVirtualThreads(boolean virtualThreads) {
			this.virtualThreads = virtualThreads;
		}

		public GroupCommit getGroupCommit() {
			return this.groupCommit;
		}

	}

	/**
	 * How the ends of attempts (job rows, execution rows) are written: in batches of one
	 * transaction each, gathered for at most a short window. Events fire once a batch
	 * commits; a node that dies before that loses no job, since its unwritten attempts
	 * are rescued.
	 */
	public static class GroupCommit {

		/**
		 * Most attempt ends written in one transaction.
		 */
		private int maxSize = 200;

		/**
		 * How long the first attempt end of a batch waits for others; 0 writes what has
		 * gathered at once.
		 */
		private Duration window = Duration.ofMillis(5);

		public int getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(int maxSize) {
			this.maxSize = maxSize;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

	}

	/**
	 * Settings of one queue on this node.
	 */
	public static class Queue {

		/**
		 * Maximum number of this queue's jobs running at once on this node, within the
		 * node's concurrency.
		 */
		private @Nullable Integer concurrency;

		/**
		 * Whether this node stops claiming the queue's jobs.
		 */
		private boolean paused = false;

		/**
		 * Number of pending jobs above which a QueueBacklogEvent is published, and again
		 * once when the count falls back under it.
		 */
		private @Nullable Integer backlogThreshold;

		public @Nullable Integer getBacklogThreshold() {
			return this.backlogThreshold;
		}

		public void setBacklogThreshold(@Nullable Integer backlogThreshold) {
			this.backlogThreshold = backlogThreshold;
		}

		public @Nullable Integer getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(@Nullable Integer concurrency) {
			this.concurrency = concurrency;
		}

		public boolean isPaused() {
			return this.paused;
		}

		public void setPaused(boolean paused) {
			this.paused = paused;
		}

	}

	/**
	 * Settings of jobs that neither their request nor their handler sets.
	 */
	public static class Defaults {

		/**
		 * Number of attempts a job gets.
		 */
		private int maxAttempts = 3;

		/**
		 * How long one attempt may run before it is interrupted.
		 */
		private Duration timeout = Duration.ofSeconds(60);

		/**
		 * Queue of jobs that name none.
		 */
		private String queue = "default";

		/**
		 * Priority of jobs that set none.
		 */
		private Priority priority = Priority.NORMAL;

		/**
		 * Exponential backoff between attempts.
		 */
		private final Backoff backoff = new Backoff();

		/**
		 * Settings of every recurring job.
		 */
		private final Recurring recurring = new Recurring();

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public String getQueue() {
			return this.queue;
		}

		public void setQueue(String queue) {
			this.queue = queue;
		}

		public Priority getPriority() {
			return this.priority;
		}

		public void setPriority(Priority priority) {
			this.priority = priority;
		}

		public Backoff getBackoff() {
			return this.backoff;
		}

		public Recurring getRecurring() {
			return this.recurring;
		}

	}

	/**
	 * Exponential backoff between attempts.
	 */
	public static class Backoff {

		/**
		 * Wait before the first retry.
		 */
		private Duration delay = Duration.ofSeconds(1);

		/**
		 * How much longer each further wait is.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest wait between attempts.
		 */
		private Duration maxDelay = Duration.ofHours(1);

		/**
		 * Random spread of each wait, as a fraction of it either way.
		 */
		private double jitter = 0.1;

		public Duration getDelay() {
			return this.delay;
		}

		public void setDelay(Duration delay) {
			this.delay = delay;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

	}

	/**
	 * Overrides of one handler's annotation values.
	 */
	public static class Handler {

		/**
		 * Queue of the handler's jobs.
		 */
		private @Nullable String queue;

		/**
		 * Priority of the handler's jobs.
		 */
		private @Nullable Priority priority;

		/**
		 * Number of attempts the handler's jobs get.
		 */
		private @Nullable Integer maxAttempts;

		/**
		 * How long one attempt of the handler's jobs may run.
		 */
		private @Nullable Duration timeout;

		/**
		 * Overrides of the handler's backoff.
		 */
		private final HandlerBackoff backoff = new HandlerBackoff();

		/**
		 * Fully qualified exception class names that fail the handler's jobs at once.
		 */
		private List<String> nonRetryable = new ArrayList<>();

		public @Nullable String getQueue() {
			return this.queue;
		}

		public void setQueue(@Nullable String queue) {
			this.queue = queue;
		}

		public @Nullable Priority getPriority() {
			return this.priority;
		}

		public void setPriority(@Nullable Priority priority) {
			this.priority = priority;
		}

		public @Nullable Integer getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(@Nullable Integer maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			this.timeout = timeout;
		}

		public HandlerBackoff getBackoff() {
			return this.backoff;
		}

		public List<String> getNonRetryable() {
			return this.nonRetryable;
		}

		public void setNonRetryable(List<String> nonRetryable) {
			this.nonRetryable = nonRetryable;
		}

	}

	/**
	 * Overrides of one handler's backoff.
	 */
	public static class HandlerBackoff {

		/**
		 * Wait before the first retry.
		 */
		private @Nullable Duration delay;

		/**
		 * How much longer each further wait is.
		 */
		private @Nullable Double multiplier;

		/**
		 * Longest wait between attempts.
		 */
		private @Nullable Duration maxDelay;

		/**
		 * Random spread of each wait, as a fraction of it either way.
		 */
		private @Nullable Double jitter;

		public @Nullable Duration getDelay() {
			return this.delay;
		}

		public void setDelay(@Nullable Duration delay) {
			this.delay = delay;
		}

		public @Nullable Double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(@Nullable Double multiplier) {
			this.multiplier = multiplier;
		}

		public @Nullable Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(@Nullable Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public @Nullable Double getJitter() {
			return this.jitter;
		}

		public void setJitter(@Nullable Double jitter) {
			this.jitter = jitter;
		}

	}

	/**
	 * Management of the starter's tables.
	 */
	public static class Schema {

		/**
		 * What to do with the schema at start-up.
		 */
		private SchemaMode mode = SchemaMode.MIGRATE;

		/**
		 * Prefix of the starter's table names: a letter or underscore, then up to 30
		 * letters, digits or underscores.
		 */
		private String tablePrefix = "jobs_";

		public SchemaMode getMode() {
			return this.mode;
		}

		public void setMode(SchemaMode mode) {
			this.mode = mode;
		}

		public String getTablePrefix() {
			return this.tablePrefix;
		}

		public void setTablePrefix(String tablePrefix) {
			this.tablePrefix = tablePrefix;
		}

	}

	/**
	 * What to do with the schema at start-up.
	 */
	public enum SchemaMode {

		/**
		 * Run the starter's Flyway migrations.
		 */
		MIGRATE,

		/**
		 * Check that the schema is current, changing nothing.
		 */
		VALIDATE,

		/**
		 * Do nothing.
		 */
		NONE

	}

	/**
	 * Limits on payloads.
	 */
	public static class Payload {

		/**
		 * Largest payload, as serialised JSON, that enqueue accepts.
		 */
		private DataSize maxSize = DataSize.ofMegabytes(1);

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

	}

	/**
	 * Settings of every recurring job.
	 */
	public static class Recurring {

		/**
		 * Time zone of recurring jobs that name none. Defaults to the JVM's.
		 */
		private @Nullable ZoneId zone;

		/**
		 * Cron dialect to read every cron expression in, instead of detecting it from the
		 * field count and Quartz-only characters.
		 */
		private @Nullable CronDialect cronDialect;

		/**
		 * Largest number of missed occurrences that the FIRE_ALL misfire policy runs
		 * after downtime.
		 */
		private int maxCatchUp = 10;

		/**
		 * Largest clock difference between nodes that an occurrence may fire late by
		 * without counting as missed.
		 */
		private Duration maxClockSkew = Duration.ofSeconds(5);

		public @Nullable ZoneId getZone() {
			return this.zone;
		}

		public void setZone(@Nullable ZoneId zone) {
			this.zone = zone;
		}

		public @Nullable CronDialect getCronDialect() {
			return this.cronDialect;
		}

		public void setCronDialect(@Nullable CronDialect cronDialect) {
			this.cronDialect = cronDialect;
		}

		public int getMaxCatchUp() {
			return this.maxCatchUp;
		}

		public void setMaxCatchUp(int maxCatchUp) {
			this.maxCatchUp = maxCatchUp;
		}

		public Duration getMaxClockSkew() {
			return this.maxClockSkew;
		}

		public void setMaxClockSkew(Duration maxClockSkew) {
			this.maxClockSkew = maxClockSkew;
		}

	}

	/**
	 * Retention of finished jobs and the lines they log.
	 */
	public static class History {

		/**
		 * How long completed and cancelled jobs, with their executions and log lines, are
		 * kept after they finished.
		 */
		private Duration retention = Duration.ofDays(14);

		/**
		 * How long failed jobs are kept after they finished. Defaults to the retention.
		 */
		private @Nullable Duration retentionFailed;

		/**
		 * How often the built-in cleanup looks for expired jobs.
		 */
		private Duration cleanupInterval = Duration.ofHours(1);

		/**
		 * Most jobs deleted in one transaction of the cleanup.
		 */
		private int cleanupBatchSize = 500;

		/**
		 * Most lines logged through JobContext.log() that are kept with one job.
		 */
		private int maxLogLines = 100;

		public Duration getRetention() {
			return this.retention;
		}

		public void setRetention(Duration retention) {
			this.retention = retention;
		}

		public @Nullable Duration getRetentionFailed() {
			return this.retentionFailed;
		}

		public void setRetentionFailed(@Nullable Duration retentionFailed) {
			this.retentionFailed = retentionFailed;
		}

		public Duration getCleanupInterval() {
			return this.cleanupInterval;
		}

		public void setCleanupInterval(Duration cleanupInterval) {
			this.cleanupInterval = cleanupInterval;
		}

		public int getCleanupBatchSize() {
			return this.cleanupBatchSize;
		}

		public void setCleanupBatchSize(int cleanupBatchSize) {
			this.cleanupBatchSize = cleanupBatchSize;
		}

		public int getMaxLogLines() {
			return this.maxLogLines;
		}

		public void setMaxLogLines(int maxLogLines) {
			this.maxLogLines = maxLogLines;
		}

	}

	/**
	 * Thresholds of the jobs health contributor.
	 */
	public static class Health {

		/**
		 * Number of poll intervals without a successful poll after which a running worker
		 * is reported DOWN.
		 */
		private int missedPolls = 5;

		/**
		 * Most handler threads that outlived their timeout or cancellation before the
		 * node is reported DOWN.
		 */
		private int maxStuckThreads = 5;

		/**
		 * Period over which the failure rate in the health details is computed.
		 */
		private Duration failureRateWindow = Duration.ofMinutes(5);

		/**
		 * Share of this node's attempts within the failure-rate window that may fail
		 * before the problems list (JobsOperations.problems(), the console) reports the
		 * rate, once at least 10 attempts finished in the window.
		 */
		private double failureRateThreshold = 0.5;

		public int getMissedPolls() {
			return this.missedPolls;
		}

		public void setMissedPolls(int missedPolls) {
			this.missedPolls = missedPolls;
		}

		public int getMaxStuckThreads() {
			return this.maxStuckThreads;
		}

		public void setMaxStuckThreads(int maxStuckThreads) {
			this.maxStuckThreads = maxStuckThreads;
		}

		public Duration getFailureRateWindow() {
			return this.failureRateWindow;
		}

		public void setFailureRateWindow(Duration failureRateWindow) {
			this.failureRateWindow = failureRateWindow;
		}

		public double getFailureRateThreshold() {
			return this.failureRateThreshold;
		}

		public void setFailureRateThreshold(double failureRateThreshold) {
			this.failureRateThreshold = failureRateThreshold;
		}

	}

	/**
	 * Wake-ups of other nodes when jobs are enqueued.
	 */
	public static class Notifications {

		/**
		 * Whether, on PostgreSQL, enqueues wake the workers of other nodes at once
		 * through LISTEN/NOTIFY; elsewhere ignored. Polling remains the safety net.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
