package dev.jobs;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A request to enqueue a job: its name, payload and options. Immutable; each option
 * method returns a new request. Options left unset take the values of the job's handler
 * ({@link JobHandler} and {@code jobs.handlers.<name>.*}), then {@code jobs.defaults.*}.
 *
 * <pre class="code">
 * jobs.enqueue(JobRequest.of("send-email", payload)
 *     .priority(Priority.HIGH)
 *     .delay(Duration.ofMinutes(5))
 *     .uniqueKey("order-123"));
 * </pre>
 *
 * @since 0.1.0
 */
public final class JobRequest {

	private final String name;

	private final @Nullable Object payload;

	private final @Nullable String queue;

	private final @Nullable Priority priority;

	private final @Nullable Instant runAt;

	private final @Nullable Duration delay;

	private final @Nullable Integer maxAttempts;

	private final @Nullable Duration timeout;

	private final @Nullable RetryBackoff backoff;

	private final @Nullable String uniqueKey;

	private JobRequest(String name, @Nullable Object payload, @Nullable String queue, @Nullable Priority priority,
			@Nullable Instant runAt, @Nullable Duration delay, @Nullable Integer maxAttempts,
			@Nullable Duration timeout, @Nullable RetryBackoff backoff, @Nullable String uniqueKey) {
		this.name = name;
		this.payload = payload;
		this.queue = queue;
		this.priority = priority;
		this.runAt = runAt;
		this.delay = delay;
		this.maxAttempts = maxAttempts;
		this.timeout = timeout;
		this.backoff = backoff;
		this.uniqueKey = uniqueKey;
	}

	/**
	 * A request for a job with the given name and payload.
	 * @param name the job name, which names its handler
	 * @param payload the payload, any JSON-mappable value, or {@code null}
	 * @return the request
	 * @throws InvalidJobRequestException if the name breaks a rule of {@link JobNames}
	 */
	public static JobRequest of(String name, @Nullable Object payload) {
		JobNames.checkJobName(name);
		return new JobRequest(name, payload, null, null, null, null, null, null, null, null);
	}

	/**
	 * A request for a job with the given name and no payload.
	 * @param name the job name, which names its handler
	 * @return the request
	 * @throws InvalidJobRequestException if the name breaks a rule of {@link JobNames}
	 */
	public static JobRequest of(String name) {
		return of(name, null);
	}

	/**
	 * Put the job in the given queue.
	 * @param queue the queue name
	 * @return a new request
	 * @throws InvalidJobRequestException if the queue name breaks a rule of
	 * {@link JobNames}
	 */
	public JobRequest queue(String queue) {
		JobNames.check("Queue name of job '" + this.name + "'", queue, JobNames.MAX_QUEUE_NAME_LENGTH);
		return new JobRequest(this.name, this.payload, queue, this.priority, this.runAt, this.delay, this.maxAttempts,
				this.timeout, this.backoff, this.uniqueKey);
	}

	/**
	 * Give the job a priority within its queue.
	 * @param priority the priority
	 * @return a new request
	 */
	public JobRequest priority(Priority priority) {
		if (priority == null) {
			throw new InvalidJobRequestException("Priority of job '" + this.name + "' must not be null");
		}
		return new JobRequest(this.name, this.payload, this.queue, priority, this.runAt, this.delay, this.maxAttempts,
				this.timeout, this.backoff, this.uniqueKey);
	}

	/**
	 * Run the job no earlier than the given instant. Replaces a {@link #delay(Duration)}.
	 * @param runAt the due time
	 * @return a new request
	 */
	public JobRequest runAt(Instant runAt) {
		if (runAt == null) {
			throw new InvalidJobRequestException("Run time of job '" + this.name + "' must not be null");
		}
		return new JobRequest(this.name, this.payload, this.queue, this.priority, runAt, null, this.maxAttempts,
				this.timeout, this.backoff, this.uniqueKey);
	}

	/**
	 * Run the job once the given delay has passed, measured by the database's clock.
	 * Replaces a {@link #runAt(Instant)}.
	 * @param delay the delay, zero or more
	 * @return a new request
	 * @throws InvalidJobRequestException if the delay is negative
	 */
	public JobRequest delay(Duration delay) {
		if (delay == null || delay.isNegative()) {
			throw new InvalidJobRequestException("Delay of job '" + this.name + "' must not be negative, was " + delay);
		}
		return new JobRequest(this.name, this.payload, this.queue, this.priority, null, delay, this.maxAttempts,
				this.timeout, this.backoff, this.uniqueKey);
	}

	/**
	 * Allow the job this many attempts in all.
	 * @param maxAttempts the attempt budget, at least 1
	 * @return a new request
	 * @throws InvalidJobRequestException if the number is less than 1
	 */
	public JobRequest maxAttempts(int maxAttempts) {
		if (maxAttempts < 1) {
			throw new InvalidJobRequestException(
					"Max attempts of job '" + this.name + "' must be at least 1, was " + maxAttempts);
		}
		return new JobRequest(this.name, this.payload, this.queue, this.priority, this.runAt, this.delay, maxAttempts,
				this.timeout, this.backoff, this.uniqueKey);
	}

	/**
	 * Allow each attempt to run this long before it is interrupted.
	 * @param timeout the timeout, more than zero
	 * @return a new request
	 * @throws InvalidJobRequestException if the timeout is not positive
	 */
	public JobRequest timeout(Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new InvalidJobRequestException(
					"Timeout of job '" + this.name + "' must be more than zero, was " + timeout);
		}
		return new JobRequest(this.name, this.payload, this.queue, this.priority, this.runAt, this.delay,
				this.maxAttempts, timeout, this.backoff, this.uniqueKey);
	}

	/**
	 * Wait between attempts as the given backoff says.
	 * @param backoff the backoff
	 * @return a new request
	 */
	public JobRequest backoff(RetryBackoff backoff) {
		if (backoff == null) {
			throw new InvalidJobRequestException("Backoff of job '" + this.name + "' must not be null");
		}
		return new JobRequest(this.name, this.payload, this.queue, this.priority, this.runAt, this.delay,
				this.maxAttempts, this.timeout, backoff, this.uniqueKey);
	}

	/**
	 * Keep the job unique: while an unfinished job (scheduled, pending or running) holds
	 * this key, enqueueing returns that job's id and stores nothing.
	 * @param uniqueKey the key, at most 200 characters
	 * @return a new request
	 * @throws InvalidJobRequestException if the key breaks a rule of {@link JobNames}
	 */
	public JobRequest uniqueKey(String uniqueKey) {
		JobNames.check("Unique key of job '" + this.name + "'", uniqueKey, JobNames.MAX_UNIQUE_KEY_LENGTH);
		return new JobRequest(this.name, this.payload, this.queue, this.priority, this.runAt, this.delay,
				this.maxAttempts, this.timeout, this.backoff, uniqueKey);
	}

	/**
	 * The job name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The payload.
	 * @return the payload, or {@code null}
	 */
	public @Nullable Object payload() {
		return this.payload;
	}

	/**
	 * The queue, if set.
	 * @return the queue name, or {@code null}
	 */
	public @Nullable String queue() {
		return this.queue;
	}

	/**
	 * The priority, if set.
	 * @return the priority, or {@code null}
	 */
	public @Nullable Priority priority() {
		return this.priority;
	}

	/**
	 * The due time, if set.
	 * @return the due time, or {@code null}
	 */
	public @Nullable Instant runAt() {
		return this.runAt;
	}

	/**
	 * The delay, if set.
	 * @return the delay, or {@code null}
	 */
	public @Nullable Duration delay() {
		return this.delay;
	}

	/**
	 * The attempt budget, if set.
	 * @return the budget, or {@code null}
	 */
	public @Nullable Integer maxAttempts() {
		return this.maxAttempts;
	}

	/**
	 * The timeout, if set.
	 * @return the timeout, or {@code null}
	 */
	public @Nullable Duration timeout() {
		return this.timeout;
	}

	/**
	 * The backoff, if set.
	 * @return the backoff, or {@code null}
	 */
	public @Nullable RetryBackoff backoff() {
		return this.backoff;
	}

	/**
	 * The unique key, if set.
	 * @return the key, or {@code null}
	 */
	public @Nullable String uniqueKey() {
		return this.uniqueKey;
	}

	@Override
	public String toString() {
		return "JobRequest[name=" + this.name + ", queue=" + this.queue + ", uniqueKey=" + this.uniqueKey + "]";
	}

}
