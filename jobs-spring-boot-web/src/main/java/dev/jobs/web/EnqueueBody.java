package dev.jobs.web;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.jobs.JobRequest;
import dev.jobs.Priority;
import dev.jobs.RecurringJobRequest;

/**
 * The body of {@code POST /jobs}: a job to enqueue, or with {@code schedule} a recurring
 * job of that name to create.
 *
 * @param name the job name
 * @param payload the payload, any JSON value, or {@code null}
 * @param priority {@code LOW}, {@code NORMAL}, {@code HIGH} or {@code CRITICAL}
 * @param runAt when the job is due, as an ISO-8601 instant
 * @param delay or how long from now, such as {@code 5m}
 * @param maxAttempts the attempt budget
 * @param timeout how long one attempt may run, such as {@code 30s}
 * @param uniqueKey the key that keeps the job unique while it is unfinished
 * @param queue the queue
 * @param schedule a cron expression or an interval: a recurring job instead
 * @param zone the recurring job's time zone
 */
record EnqueueBody(@Nullable String name, @Nullable JsonNode payload, @Nullable String priority, @Nullable String runAt,
		@Nullable String delay, @Nullable Integer maxAttempts, @Nullable String timeout, @Nullable String uniqueKey,
		@Nullable String queue, @Nullable String schedule, @Nullable String zone) implements ConsoleJson {

	boolean isRecurring() {
		return this.schedule != null;
	}

	JobRequest toJobRequest() {
		String name = RequestValues.required("name", this.name);
		if (this.zone != null) {
			throw ConsoleRequestException.badRequest("zone", "Field 'zone' applies to a recurring job only");
		}
		if (this.runAt != null && this.delay != null) {
			throw ConsoleRequestException.badRequest("delay", "Give either 'runAt' or 'delay', not both");
		}
		JobRequest request = JobRequest.of(name, payloadValue(this.payload));
		Priority priority = RequestValues.enumValue(Priority.class, "priority", this.priority);
		if (priority != null) {
			request = request.priority(priority);
		}
		Instant runAt = RequestValues.instant("runAt", this.runAt);
		if (runAt != null) {
			request = request.runAt(runAt);
		}
		Duration delay = RequestValues.duration("delay", this.delay);
		if (delay != null) {
			request = request.delay(delay);
		}
		if (this.maxAttempts != null) {
			request = request.maxAttempts(this.maxAttempts);
		}
		Duration timeout = RequestValues.duration("timeout", this.timeout);
		if (timeout != null) {
			request = request.timeout(timeout);
		}
		if (this.uniqueKey != null) {
			request = request.uniqueKey(this.uniqueKey);
		}
		if (this.queue != null) {
			request = request.queue(this.queue);
		}
		return request;
	}

	RecurringJobRequest toRecurringJobRequest() {
		String name = RequestValues.required("name", this.name);
		refuseForRecurring("priority", this.priority);
		refuseForRecurring("runAt", this.runAt);
		refuseForRecurring("delay", this.delay);
		refuseForRecurring("maxAttempts", this.maxAttempts);
		refuseForRecurring("timeout", this.timeout);
		refuseForRecurring("uniqueKey", this.uniqueKey);
		refuseForRecurring("queue", this.queue);
		return RecurringBody.request(name, name, RequestValues.required("schedule", this.schedule), this.zone,
				this.payload, null);
	}

	private static void refuseForRecurring(String field, @Nullable Object value) {
		if (value != null) {
			throw ConsoleRequestException.badRequest(field,
					"Field '" + field + "' does not apply to a recurring job (one with 'schedule')");
		}
	}

	static @Nullable Object payloadValue(@Nullable JsonNode payload) {
		return (payload == null || payload.isNull() || payload.isMissingNode()) ? null : payload;
	}

}
