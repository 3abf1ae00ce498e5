package dev.jobs;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * What a running handler may know of, and say about, its job. Declare it as a parameter
 * of a {@link JobHandler} method.
 *
 * @since 0.1.0
 */
public interface JobContext {

	/**
	 * The id of the running job.
	 * @return the job id
	 */
	JobId jobId();

	/**
	 * The name of the running job.
	 * @return the job name
	 */
	String name();

	/**
	 * The queue of the running job.
	 * @return the queue name
	 */
	String queue();

	/**
	 * Which attempt this is, counted from 1.
	 * @return the attempt number
	 */
	int attempt();

	/**
	 * How many attempts the job may use.
	 * @return the attempt budget
	 */
	int maxAttempts();

	/**
	 * When the job was enqueued.
	 * @return the creation time
	 */
	Instant enqueuedAt();

	/**
	 * When this attempt started.
	 * @return the start time
	 */
	Instant startedAt();

	/**
	 * Read the payload as the given type.
	 * @param <T> the type
	 * @param type the type to bind the stored JSON to
	 * @return the payload, or {@code null} if the job has none
	 */
	<T> @Nullable T payload(Class<T> type);

	/**
	 * Whether the job has been cancelled or has run past its timeout. A long-running
	 * handler should check this and return early; its thread is also interrupted.
	 * @return {@code true} once the attempt should stop
	 */
	boolean isCancelled();

	/**
	 * Report how far the job has got; stored with the job.
	 * @param percent from 0 to 100
	 * @throws IllegalArgumentException if the value is out of range
	 */
	void progress(int percent);

	/**
	 * A logger for the handler's own lines about this job, named
	 * {@code dev.jobs.job.<name>}. Besides going to the application's logging, its
	 * {@code INFO}, {@code WARN} and {@code ERROR} lines (and {@code DEBUG} and
	 * {@code TRACE} lines when the logger enables them) are kept with the job, up to
	 * {@code jobs.history.max-log-lines}; read them with {@link Jobs#logs(JobId)}.
	 * @return the logger
	 */
	Logger log();

	/**
	 * Publish an application event, after the current transaction commits if there is
	 * one, otherwise at once.
	 * @param event the event
	 */
	void publish(Object event);

}
