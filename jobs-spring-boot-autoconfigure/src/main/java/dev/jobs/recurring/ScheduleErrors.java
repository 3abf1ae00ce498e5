package dev.jobs.recurring;

import org.jspecify.annotations.Nullable;

import dev.jobs.InvalidScheduleException;

/**
 * Builds the {@link InvalidScheduleException}s of this package, so that every message
 * names the recurring job the same way.
 */
final class ScheduleErrors {

	private ScheduleErrors() {
	}

	static InvalidScheduleException invalid(String problem, @Nullable String jobName, @Nullable String value) {
		return new InvalidScheduleException(problem + forJob(jobName), jobName, value);
	}

	static InvalidScheduleException invalid(String problem, @Nullable String jobName, @Nullable String value,
			String hint, @Nullable Throwable cause) {
		String message = problem + forJob(jobName) + hint;
		return (cause != null) ? new InvalidScheduleException(message, jobName, value, cause)
				: new InvalidScheduleException(message, jobName, value);
	}

	private static String forJob(@Nullable String jobName) {
		return (jobName != null) ? " for recurring job '" + jobName + "'" : "";
	}

}
