package dev.jobs.web;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.jobs.Job;
import dev.jobs.JobExecution;
import dev.jobs.JobLogLine;
import dev.jobs.RecurringJobInfo;
import dev.jobs.web.ConsoleBodies.Execution;
import dev.jobs.web.ConsoleBodies.LogLine;
import dev.jobs.web.ConsoleBodies.Recurring;

/**
 * Turns the values of {@code Jobs} into the console's bodies, masking a job's payload,
 * result, unique key, errors and log messages as {@code ******} unless the caller is
 * shown values.
 */
final class JobViews {

	static final String MASK = "******";

	private final JsonMapper mapper;

	JobViews(JsonMapper mapper) {
		this.mapper = mapper;
	}

	JobSummary summary(Job job, boolean show) {
		return new JobSummary(job.id().toString(), job.name(), job.queue(), job.status(), job.priority(),
				job.attempts(), job.maxAttempts(), job.progress(), masked(job.uniqueKey(), show), job.createdAt(),
				job.runAt(), job.startedAt(), job.finishedAt(), job.node(), masked(job.error(), show));
	}

	JobDetails details(Job job, boolean show) {
		return new JobDetails(job.id().toString(), job.name(), job.queue(), job.status(), job.priority(),
				job.attempts(), job.maxAttempts(), job.progress(), masked(job.uniqueKey(), show), job.createdAt(),
				job.runAt(), job.startedAt(), job.finishedAt(), job.node(), masked(job.error(), show), job.timeout(),
				json(job.payloadJson(), show), json(job.resultJson(), show));
	}

	Execution execution(JobExecution execution, boolean show) {
		return new Execution(execution.attempt(), execution.node(), execution.startedAt(), execution.finishedAt(),
				execution.duration(), execution.outcome(), masked(execution.error(), show));
	}

	LogLine logLine(JobLogLine line, boolean show) {
		return new LogLine(line.attempt(), line.loggedAt(), line.level(), show ? line.message() : MASK);
	}

	Recurring recurring(RecurringJobInfo info) {
		return new Recurring(info.name(), info.handler(), info.schedule(), info.zone().getId(), info.nextRunAt(),
				info.lastRunAt(), info.paused());
	}

	private static @Nullable String masked(@Nullable String value, boolean show) {
		return (value == null || show) ? value : MASK;
	}

	private @Nullable Object json(@Nullable String json, boolean show) {
		if (json == null) {
			return null;
		}
		if (!show) {
			return MASK;
		}
		try {
			return this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			return json;
		}
	}

}
