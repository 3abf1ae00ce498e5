package dev.jobs.sample;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobExecution;

/**
 * One attempt of a job as {@code GET /jobs/{id}/history} shows it.
 *
 * @param attempt the attempt's number, from 1
 * @param node the node that ran it
 * @param startedAt when it started
 * @param finishedAt when it finished
 * @param durationMillis how long it ran, in milliseconds
 * @param outcome how it ended
 * @param error the first line of its error, if any (the stored error also holds the stack
 * trace)
 */
public record ExecutionView(int attempt, String node, Instant startedAt, Instant finishedAt, long durationMillis,
		JobExecution.Outcome outcome, @Nullable String error) {

	static ExecutionView of(JobExecution execution) {
		return new ExecutionView(execution.attempt(), execution.node(), execution.startedAt(), execution.finishedAt(),
				execution.duration().toMillis(), execution.outcome(), firstLine(execution.error()));
	}

	private static @Nullable String firstLine(@Nullable String error) {
		return (error != null) ? error.lines().findFirst().orElse(error) : null;
	}

}
