package dev.jobs.web;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobStatus;

/**
 * The body of {@code POST /queues/{name}/clean}, every field optional: which finished
 * jobs to delete, how long after they finished, and how many at most.
 *
 * @param status {@code COMPLETED} (the default), {@code FAILED} or {@code CANCELLED}
 * @param grace how long a job stays after it finished, such as {@code 24h} or
 * {@code PT24H}; none by default
 * @param limit the most jobs to delete, {@value #DEFAULT_LIMIT} by default
 */
record CleanBody(@Nullable String status, @Nullable String grace, @Nullable Integer limit) implements ConsoleJson {

	static final int DEFAULT_LIMIT = 1000;

	static final CleanBody DEFAULTS = new CleanBody(null, null, null);

	JobStatus statusValue() {
		JobStatus status = RequestValues.enumValue(JobStatus.class, "status", this.status);
		if (status == null) {
			return JobStatus.COMPLETED;
		}
		if (!status.isFinished()) {
			throw ConsoleRequestException.badRequest("status", "Invalid status '" + this.status
					+ "': only finished jobs are cleaned, so expected one of COMPLETED, FAILED, CANCELLED");
		}
		return status;
	}

	Duration graceValue() {
		Duration grace = RequestValues.duration("grace", this.grace);
		if (grace == null) {
			return Duration.ZERO;
		}
		if (grace.isNegative()) {
			throw ConsoleRequestException.badRequest("grace",
					"Invalid grace '" + this.grace + "': must not be negative");
		}
		return grace;
	}

	int limitValue() {
		if (this.limit == null) {
			return DEFAULT_LIMIT;
		}
		if (this.limit < 1) {
			throw ConsoleRequestException.badRequest("limit", "Invalid limit " + this.limit + ": must be at least 1");
		}
		return this.limit;
	}

}
