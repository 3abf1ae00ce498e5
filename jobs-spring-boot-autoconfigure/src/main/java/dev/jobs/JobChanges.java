package dev.jobs;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a job that has not started, for {@link Jobs#reschedule(JobId, JobChanges)}:
 * when it runs, its priority, or how many attempts it may make. What is left {@code null}
 * stays as it is.
 *
 * <pre class="code">
 * jobs.reschedule(id, JobChanges.builder().delay(Duration.ofMinutes(10)).priority(Priority.HIGH).build());
 * </pre>
 *
 * @param runAt when it runs, or {@code null}
 * @param delay how long from now, by the database's clock, it runs, or {@code null}
 * @param priority its new priority, or {@code null}
 * @param maxAttempts its new number of attempts, above the attempts it made, or
 * {@code null}
 * @since 0.1.0
 */
public record JobChanges(@Nullable Instant runAt, @Nullable Duration delay, @Nullable Priority priority,
		@Nullable Integer maxAttempts) {

	/**
	 * Create the changes, checking them.
	 * @param runAt when it runs, or {@code null}
	 * @param delay how long from now it runs, or {@code null}
	 * @param priority its new priority, or {@code null}
	 * @param maxAttempts its new number of attempts, or {@code null}
	 * @throws InvalidJobRequestException if nothing changes, both a time and a delay are
	 * given, the delay is negative or the attempts below 1
	 */
	public JobChanges {
		if (runAt == null && delay == null && priority == null && maxAttempts == null) {
			throw new InvalidJobRequestException(
					"A change of a job names at least one of runAt, delay, priority" + " and maxAttempts");
		}
		if (runAt != null && delay != null) {
			throw new InvalidJobRequestException("A change of a job gives runAt or delay, not both");
		}
		if (delay != null && delay.isNegative()) {
			throw new InvalidJobRequestException("Delay must not be negative, was " + delay);
		}
		if (maxAttempts != null && maxAttempts < 1) {
			throw new InvalidJobRequestException("maxAttempts must be at least 1, was " + maxAttempts);
		}
	}

	/**
	 * Start building changes.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds {@link JobChanges}.
	 */
	public static final class Builder {

		private @Nullable Instant runAt;

		private @Nullable Duration delay;

		private @Nullable Priority priority;

		private @Nullable Integer maxAttempts;

		private Builder() {
		}

		/**
		 * Run the job at an instant.
		 * @param runAt the instant
		 * @return this builder
		 */
		public Builder runAt(Instant runAt) {
			this.runAt = runAt;
			return this;
		}

		/**
		 * Run the job after a delay from now, by the database's clock.
		 * @param delay the delay
		 * @return this builder
		 */
		public Builder delay(Duration delay) {
			this.delay = delay;
			return this;
		}

		/**
		 * Give the job a priority.
		 * @param priority the priority
		 * @return this builder
		 */
		public Builder priority(Priority priority) {
			this.priority = priority;
			return this;
		}

		/**
		 * Give the job a number of attempts.
		 * @param maxAttempts the attempts, above those it made
		 * @return this builder
		 */
		public Builder maxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
			return this;
		}

		/**
		 * Build the changes.
		 * @return the changes
		 * @throws InvalidJobRequestException if they are not valid
		 */
		public JobChanges build() {
			return new JobChanges(this.runAt, this.delay, this.priority, this.maxAttempts);
		}

	}

}
