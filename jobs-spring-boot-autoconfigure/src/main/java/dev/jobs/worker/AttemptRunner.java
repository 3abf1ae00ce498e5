package dev.jobs.worker;

import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.ApplicationEventPublisher;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.JobExecution.Outcome;
import dev.jobs.JobNames;
import dev.jobs.engine.JobSettingsResolver;
import dev.jobs.handler.JobHandlerMethod;
import dev.jobs.handler.JobHandlerRegistry;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.store.AttemptRecorder;
import dev.jobs.store.AttemptResult;
import dev.jobs.store.ClaimedJob;

/**
 * Runs one attempt on a worker thread and settles it: binds the payload (a payload that
 * cannot be read fails the job at once), invokes the handler with the job's MDC, and
 * hands the outcome to the group committer, which records it. Timeouts, cancellations and
 * hand-backs settle the attempt from other threads through
 * {@link #stop(Attempt, StopReason)}; the first settlement wins.
 */
final class AttemptRunner {

	private static final Log logger = LogFactory.getLog(AttemptRunner.class);

	private final JobHandlerRegistry handlers;

	private final JobSettingsResolver settings;

	private final JobPayloadMapper payloadMapper;

	private final AttemptRecorder recorder;

	private final ApplicationEventPublisher publisher;

	private final GroupCommitter committer;

	private final Consumer<Attempt> onSettled;

	private final AttemptLogWriter logWriter;

	private final @Nullable JobLogs logs;

	/**
	 * Create a runner.
	 * @param handlers the handlers of this node
	 * @param settings resolves the settings of job names
	 * @param payloadMapper reads payloads and writes results
	 * @param recorder records what handlers report while they run
	 * @param committer records the ends of attempts
	 * @param publisher publishes the events of {@code JobContext.publish}
	 * @param onSettled called once an attempt is settled
	 * @param logWriter writes the lines of {@code JobContext.log()}
	 * @param logs where the lines of {@code JobContext.log()} are kept with the jobs, and
	 * how many; {@code null} sends them to the application's logging only
	 */
	AttemptRunner(JobHandlerRegistry handlers, JobSettingsResolver settings, JobPayloadMapper payloadMapper,
			AttemptRecorder recorder, GroupCommitter committer, ApplicationEventPublisher publisher,
			Consumer<Attempt> onSettled, AttemptLogWriter logWriter, @Nullable JobLogs logs) {
		this.handlers = handlers;
		this.settings = settings;
		this.payloadMapper = payloadMapper;
		this.recorder = recorder;
		this.committer = committer;
		this.publisher = publisher;
		this.onSettled = onSettled;
		this.logWriter = logWriter;
		this.logs = logs;
	}

	/**
	 * The end of an attempt whose job has no handler here: handed back for a node that
	 * has one, unless its name breaks the name rules, as a row stored before them or
	 * written directly may. No handler can have such a name: the database matched it to
	 * one only because it ignores trailing spaces (MySQL and MariaDB), and handing it
	 * back would have it claimed again at once, so it fails.
	 */
	private static AttemptResult withoutHandler(ClaimedJob job) {
		try {
			JobNames.checkJobName(job.name());
		}
		catch (InvalidJobRequestException ex) {
			return new AttemptResult.Failed(Outcome.FAILED,
					"No handler can run this job, since its name breaks the name rules: " + ex.getMessage());
		}
		return new AttemptResult.HandedBack("No handler for '" + job.name() + "' on this node");
	}

	/**
	 * Run an attempt on the current thread.
	 * @param attempt the attempt
	 * @return whether the attempt's thread outlived its settlement by another thread
	 * (timeout or cancellation) and was inside the handler until now
	 */
	boolean run(Attempt attempt) {
		ClaimedJob job = attempt.job();
		JobHandlerMethod handler = this.handlers.find(job.name());
		if (handler == null) {
			settle(attempt, withoutHandler(job), null);
			return false;
		}
		Object payload;
		try {
			payload = bindPayload(handler, job);
		}
		catch (RuntimeException ex) {
			String error = "Payload of job " + job.id() + " cannot be read as " + handler.payloadType() + ": "
					+ ex.getMessage();
			settle(attempt, new AttemptResult.Failed(Outcome.FAILED, error), null);
			return false;
		}
		JobLogs jobLogs = this.logs;
		AttemptLog attemptLog = (jobLogs != null) ? this.logWriter.open(jobLogs, job) : null;
		Logger jobLogger = LoggerFactory.getLogger("dev.jobs.job." + job.name());
		DefaultJobContext context = new DefaultJobContext(attempt, this.payloadMapper, this.recorder, this.publisher,
				(attemptLog != null) ? new JobLogger(jobLogger, attemptLog) : jobLogger);
		Object result = null;
		Throwable failure = null;
		putMdc(job);
		attempt.enterHandler();
		try {
			result = handler.invoke(payload, context);
		}
		catch (Throwable ex) {
			failure = ex;
		}
		finally {
			attempt.leaveHandler();
			clearMdc();
		}
		if (attemptLog != null) {
			this.logWriter.close(attemptLog);
		}
		if (attempt.isSettled()) {
			return true;
		}
		if (failure == null) {
			settleCompleted(attempt, result);
		}
		else {
			settle(attempt, failedResult(attempt, failure), null);
		}
		return false;
	}

	private @Nullable Object bindPayload(JobHandlerMethod handler, ClaimedJob job) {
		if (handler.payloadType() == null || job.payloadJson() == null) {
			return null;
		}
		return this.payloadMapper.readPayload(job.payloadJson(), this.payloadMapper.typeOf(handler.payloadType()));
	}

	private void settleCompleted(Attempt attempt, @Nullable Object result) {
		String resultJson;
		try {
			resultJson = this.payloadMapper.writeResult(result);
		}
		catch (RuntimeException ex) {
			logger.warn("Result of job " + attempt.job().id() + " cannot be serialised; it is stored without it", ex);
			resultJson = null;
		}
		settle(attempt, new AttemptResult.Completed(resultJson), result);
	}

	private AttemptResult failedResult(Attempt attempt, Throwable failure) {
		ClaimedJob job = attempt.job();
		String error = ErrorDescription.of(failure);
		boolean retryable = !this.settings.resolve(job.name()).isNonRetryable(failure);
		if (retryable && job.attempt() < job.maxAttempts()) {
			return new AttemptResult.Retry(Outcome.FAILED, error,
					BackoffCalculator.delay(job.backoff(), job.attempt()));
		}
		return new AttemptResult.Failed(Outcome.FAILED, error);
	}

	/**
	 * Settle an attempt from another thread: tell its handler to stop and record why.
	 * @param attempt the attempt
	 * @param reason why it stops
	 * @return whether this call settled it
	 */
	boolean stop(Attempt attempt, StopReason reason) {
		if (!attempt.claimSettlement()) {
			return false;
		}
		attempt.requestStop(reason);
		ClaimedJob job = attempt.job();
		AttemptResult result = switch (reason) {
			case CANCELLED -> new AttemptResult.Cancelled("Cancelled while attempt " + job.attempt() + " ran");
			case TIMED_OUT -> timedOut(job);
			case SHUTDOWN ->
				new AttemptResult.HandedBack("Interrupted: node " + job.owner() + " shut down and handed the job back");
			case PAUSED -> new AttemptResult.HandedBack(
					"Interrupted: queue " + job.queue() + " was paused; node " + job.owner() + " handed the job back");
			case WORKER_STOPPED -> new AttemptResult.HandedBack("Interrupted: the worker of node " + job.owner()
					+ " was stopped by request and handed the job back");
			case LOST -> null;
		};
		if (result != null) {
			write(attempt, result, null);
		}
		this.onSettled.accept(attempt);
		return true;
	}

	private AttemptResult timedOut(ClaimedJob job) {
		String error = "Timed out after " + job.timeout().toMillis() + "ms (attempt " + job.attempt() + ")";
		if (job.attempt() < job.maxAttempts()) {
			return new AttemptResult.Retry(Outcome.TIMED_OUT, error,
					BackoffCalculator.delay(job.backoff(), job.attempt()));
		}
		return new AttemptResult.Failed(Outcome.TIMED_OUT, error);
	}

	private void settle(Attempt attempt, AttemptResult result, @Nullable Object value) {
		if (attempt.claimSettlement()) {
			write(attempt, result, value);
			this.onSettled.accept(attempt);
		}
	}

	private void write(Attempt attempt, AttemptResult result, @Nullable Object value) {
		this.committer.submit(attempt.job(), result, value, attempt.elapsedMillis());
	}

	private static void putMdc(ClaimedJob job) {
		MDC.put("jobId", job.id().toString());
		MDC.put("jobName", job.name());
		MDC.put("jobAttempt", Integer.toString(job.attempt()));
		MDC.put("jobQueue", job.queue());
	}

	private static void clearMdc() {
		MDC.remove("jobId");
		MDC.remove("jobName");
		MDC.remove("jobAttempt");
		MDC.remove("jobQueue");
	}

}
