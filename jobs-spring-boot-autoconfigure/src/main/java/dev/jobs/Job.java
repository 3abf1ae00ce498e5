package dev.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A snapshot of one job as stored: its status, attempts, timestamps, last error, and its
 * payload and result as JSON that {@link #payload(Class)} and {@link #result(Class)}
 * read.
 *
 * @since 0.1.0
 */
public final class Job {

	private final JobId id;

	private final String name;

	private final String queue;

	private final JobStatus status;

	private final Priority priority;

	private final int attempts;

	private final int maxAttempts;

	private final Duration timeout;

	private final @Nullable String uniqueKey;

	private final Instant createdAt;

	private final Instant runAt;

	private final @Nullable Instant startedAt;

	private final @Nullable Instant finishedAt;

	private final int progress;

	private final @Nullable String error;

	private final @Nullable String node;

	private final @Nullable String payloadJson;

	private final @Nullable String resultJson;

	private final JsonReader jsonReader;

	private Job(Builder builder) {
		this.id = builder.id;
		this.name = Objects.requireNonNull(builder.name, "name");
		this.queue = Objects.requireNonNull(builder.queue, "queue");
		this.status = Objects.requireNonNull(builder.status, "status");
		this.priority = builder.priority;
		this.attempts = builder.attempts;
		this.maxAttempts = builder.maxAttempts;
		this.timeout = builder.timeout;
		this.uniqueKey = builder.uniqueKey;
		this.createdAt = Objects.requireNonNull(builder.createdAt, "createdAt");
		this.runAt = Objects.requireNonNull(builder.runAt, "runAt");
		this.startedAt = builder.startedAt;
		this.finishedAt = builder.finishedAt;
		this.progress = builder.progress;
		this.error = builder.error;
		this.node = builder.node;
		this.payloadJson = builder.payloadJson;
		this.resultJson = builder.resultJson;
		this.jsonReader = Objects.requireNonNull(builder.jsonReader, "jsonReader");
	}

	/**
	 * A builder of job snapshots, used by the store and by tests.
	 * @param id the job's id
	 * @return a new builder
	 */
	public static Builder builder(JobId id) {
		return new Builder(id);
	}

	/**
	 * The job's id.
	 * @return the id
	 */
	public JobId id() {
		return this.id;
	}

	/**
	 * The job's name, which is also the name of its handler.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The queue the job waits in.
	 * @return the queue name
	 */
	public String queue() {
		return this.queue;
	}

	/**
	 * The job's status when the snapshot was read.
	 * @return the status
	 */
	public JobStatus status() {
		return this.status;
	}

	/**
	 * The job's priority within its queue.
	 * @return the priority
	 */
	public Priority priority() {
		return this.priority;
	}

	/**
	 * How many attempts have counted against the job's budget.
	 * @return the attempts so far
	 */
	public int attempts() {
		return this.attempts;
	}

	/**
	 * How many attempts the job may use.
	 * @return the attempt budget
	 */
	public int maxAttempts() {
		return this.maxAttempts;
	}

	/**
	 * How long one attempt may run.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * The key that keeps this job unique while it is unfinished.
	 * @return the unique key, or {@code null}
	 */
	public @Nullable String uniqueKey() {
		return this.uniqueKey;
	}

	/**
	 * When the job was enqueued.
	 * @return the creation time
	 */
	public Instant createdAt() {
		return this.createdAt;
	}

	/**
	 * When the job is, or was, due.
	 * @return the due time
	 */
	public Instant runAt() {
		return this.runAt;
	}

	/**
	 * When its latest attempt started.
	 * @return the start time, or {@code null} if it never started
	 */
	public @Nullable Instant startedAt() {
		return this.startedAt;
	}

	/**
	 * When the job finished.
	 * @return the finish time, or {@code null} if it is unfinished
	 */
	public @Nullable Instant finishedAt() {
		return this.finishedAt;
	}

	/**
	 * The progress its handler last reported.
	 * @return the progress, from 0 to 100
	 */
	public int progress() {
		return this.progress;
	}

	/**
	 * The message of the job's last error.
	 * @return the message, or {@code null} if no attempt has failed
	 */
	public @Nullable String error() {
		return this.error;
	}

	/**
	 * The node that runs the job.
	 * @return the node name while the job runs, otherwise {@code null}
	 */
	public @Nullable String node() {
		return this.node;
	}

	/**
	 * The payload as stored.
	 * @return the payload's JSON, or {@code null} if the job has none
	 */
	public @Nullable String payloadJson() {
		return this.payloadJson;
	}

	/**
	 * The result as stored.
	 * @return the result's JSON, or {@code null} if the job has none
	 */
	public @Nullable String resultJson() {
		return this.resultJson;
	}

	/**
	 * Read the payload as the given type.
	 * @param <T> the type
	 * @param type the type to bind the stored JSON to
	 * @return the payload, or {@code null} if the job has none
	 * @throws JobsException if the stored JSON cannot be read as that type
	 */
	public <T> @Nullable T payload(Class<T> type) {
		return read(this.payloadJson, type);
	}

	/**
	 * Read the result as the given type.
	 * @param <T> the type
	 * @param type the type to bind the stored JSON to
	 * @return the result, or {@code null} if the job has none
	 * @throws JobsException if the stored JSON cannot be read as that type
	 */
	public <T> @Nullable T result(Class<T> type) {
		return read(this.resultJson, type);
	}

	private <T> @Nullable T read(@Nullable String json, Class<T> type) {
		Assert.notNull(type, "Type must not be null");
		return (json != null) ? this.jsonReader.read(json, type) : null;
	}

	@Override
	public boolean equals(Object obj) {
		return (this == obj) || (obj instanceof Job other && this.id.equals(other.id) && this.status == other.status
				&& this.attempts == other.attempts && this.progress == other.progress);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.id, this.status, this.attempts, this.progress);
	}

	@Override
	public String toString() {
		return "Job[id=" + this.id + ", name=" + this.name + ", queue=" + this.queue + ", status=" + this.status
				+ ", attempts=" + this.attempts + "/" + this.maxAttempts + "]";
	}

	/**
	 * Reads stored JSON as a type.
	 */
	@FunctionalInterface
	public interface JsonReader {

		/**
		 * Read the JSON as the given type.
		 * @param <T> the type
		 * @param json the JSON text
		 * @param type the type
		 * @return the value
		 */
		<T> T read(String json, Class<T> type);

	}

	/**
	 * Builds {@link Job} snapshots.
	 */
	public static final class Builder {

		private final JobId id;

		private @Nullable String name;

		private @Nullable String queue;

		private @Nullable JobStatus status;

		private Priority priority = Priority.NORMAL;

		private int attempts;

		private int maxAttempts = 1;

		private Duration timeout = Duration.ZERO;

		private @Nullable String uniqueKey;

		private @Nullable Instant createdAt;

		private @Nullable Instant runAt;

		private @Nullable Instant startedAt;

		private @Nullable Instant finishedAt;

		private int progress;

		private @Nullable String error;

		private @Nullable String node;

		private @Nullable String payloadJson;

		private @Nullable String resultJson;

		private @Nullable JsonReader jsonReader;

		private Builder(JobId id) {
			Assert.notNull(id, "Job id must not be null");
			this.id = id;
		}

		/**
		 * Set the name.
		 * @param name the job name
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/**
		 * Set the queue.
		 * @param queue the queue name
		 * @return this builder
		 */
		public Builder queue(String queue) {
			this.queue = queue;
			return this;
		}

		/**
		 * Set the status.
		 * @param status the status
		 * @return this builder
		 */
		public Builder status(JobStatus status) {
			this.status = status;
			return this;
		}

		/**
		 * Set the priority.
		 * @param priority the priority
		 * @return this builder
		 */
		public Builder priority(Priority priority) {
			this.priority = priority;
			return this;
		}

		/**
		 * Set the attempts so far and the budget.
		 * @param attempts the attempts so far
		 * @param maxAttempts the budget
		 * @return this builder
		 */
		public Builder attempts(int attempts, int maxAttempts) {
			this.attempts = attempts;
			this.maxAttempts = maxAttempts;
			return this;
		}

		/**
		 * Set the timeout of one attempt.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * Set the unique key.
		 * @param uniqueKey the key, or {@code null}
		 * @return this builder
		 */
		public Builder uniqueKey(@Nullable String uniqueKey) {
			this.uniqueKey = uniqueKey;
			return this;
		}

		/**
		 * Set the timestamps.
		 * @param createdAt when the job was enqueued
		 * @param runAt when it is due
		 * @param startedAt when its latest attempt started, or {@code null}
		 * @param finishedAt when it finished, or {@code null}
		 * @return this builder
		 */
		public Builder times(Instant createdAt, Instant runAt, @Nullable Instant startedAt,
				@Nullable Instant finishedAt) {
			this.createdAt = createdAt;
			this.runAt = runAt;
			this.startedAt = startedAt;
			this.finishedAt = finishedAt;
			return this;
		}

		/**
		 * Set the progress.
		 * @param progress from 0 to 100
		 * @return this builder
		 */
		public Builder progress(int progress) {
			this.progress = progress;
			return this;
		}

		/**
		 * Set the last error and the node that runs the job.
		 * @param error the last error message, or {@code null}
		 * @param node the running node, or {@code null}
		 * @return this builder
		 */
		public Builder error(@Nullable String error, @Nullable String node) {
			this.error = error;
			this.node = node;
			return this;
		}

		/**
		 * Set the stored JSON and its reader.
		 * @param payloadJson the payload JSON, or {@code null}
		 * @param resultJson the result JSON, or {@code null}
		 * @param jsonReader reads the JSON as a type
		 * @return this builder
		 */
		public Builder json(@Nullable String payloadJson, @Nullable String resultJson, JsonReader jsonReader) {
			this.payloadJson = payloadJson;
			this.resultJson = resultJson;
			this.jsonReader = jsonReader;
			return this;
		}

		/**
		 * Build the snapshot.
		 * @return the job
		 */
		public Job build() {
			return new Job(this);
		}

	}

}
