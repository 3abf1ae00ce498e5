package dev.jobs.web;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobChanges;
import dev.jobs.Priority;

/**
 * The body of {@code PUT /jobs/{id}}: what to change of a job that has not started, at
 * least one field.
 *
 * @param runAt when it runs, as an ISO-8601 instant
 * @param delay or how long from now, such as {@code 10m}
 * @param priority {@code LOW}, {@code NORMAL}, {@code HIGH} or {@code CRITICAL}
 * @param maxAttempts its attempt budget, above the attempts it made
 */
record RescheduleBody(@Nullable String runAt, @Nullable String delay, @Nullable String priority,
		@Nullable Integer maxAttempts) implements ConsoleJson {

	JobChanges toChanges() {
		if (this.runAt == null && this.delay == null && this.priority == null && this.maxAttempts == null) {
			throw ConsoleRequestException.badRequest("runAt",
					"Give at least one of 'runAt', 'delay', 'priority' and 'maxAttempts'");
		}
		if (this.runAt != null && this.delay != null) {
			throw ConsoleRequestException.badRequest("delay", "Give either 'runAt' or 'delay', not both");
		}
		JobChanges.Builder changes = JobChanges.builder();
		Instant runAt = RequestValues.instant("runAt", this.runAt);
		if (runAt != null) {
			changes.runAt(runAt);
		}
		Duration delay = RequestValues.duration("delay", this.delay);
		if (delay != null) {
			if (delay.isNegative()) {
				throw ConsoleRequestException.badRequest("delay",
						"Invalid delay '" + this.delay + "': must not be negative");
			}
			changes.delay(delay);
		}
		Priority priority = RequestValues.enumValue(Priority.class, "priority", this.priority);
		if (priority != null) {
			changes.priority(priority);
		}
		if (this.maxAttempts != null) {
			if (this.maxAttempts < 1) {
				throw ConsoleRequestException.badRequest("maxAttempts",
						"Invalid maxAttempts " + this.maxAttempts + ": must be at least 1");
			}
			changes.maxAttempts(this.maxAttempts);
		}
		return changes.build();
	}

}
