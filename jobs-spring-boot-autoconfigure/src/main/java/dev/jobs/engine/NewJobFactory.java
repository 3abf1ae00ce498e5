package dev.jobs.engine;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.UnknownJobHandlerException;
import dev.jobs.handler.JobHandlerRegistry;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.store.NewJob;

/**
 * Turns a {@link JobRequest} into a {@link NewJob}: checks it, serialises its payload and
 * fills every unset option from the job name's settings. Every check happens here, before
 * anything is stored.
 */
public class NewJobFactory {

	private final JobSettingsResolver settings;

	private final JobPayloadMapper payloadMapper;

	private final JobHandlerRegistry handlers;

	private final boolean strictNames;

	/**
	 * Create a factory.
	 * @param settings resolves the settings of job names
	 * @param payloadMapper serialises payloads
	 * @param handlers the local handlers, for strict names
	 * @param strictNames whether a name must have a local handler
	 */
	public NewJobFactory(JobSettingsResolver settings, JobPayloadMapper payloadMapper, JobHandlerRegistry handlers,
			boolean strictNames) {
		this.settings = settings;
		this.payloadMapper = payloadMapper;
		this.handlers = handlers;
		this.strictNames = strictNames;
	}

	/**
	 * Build the job a request asks for.
	 * @param request the request
	 * @return the job to store
	 * @throws InvalidJobRequestException if the request is invalid
	 */
	NewJob create(JobRequest request) {
		if (request == null) {
			throw new InvalidJobRequestException("Job request must not be null");
		}
		// the name, queue and unique key were checked when the request was built
		String name = request.name();
		if (this.strictNames && this.handlers.find(name) == null) {
			throw new UnknownJobHandlerException(name);
		}
		return create(request, this.payloadMapper.writePayload(name, request.payload()));
	}

	/**
	 * Build the job a request asks for, with its payload already serialised.
	 * @param request the request, whose payload is ignored
	 * @param payloadJson the payload as JSON, or {@code null}
	 * @return the job to store
	 */
	public NewJob create(JobRequest request, @Nullable String payloadJson) {
		String name = request.name();
		JobSettings resolved = this.settings.resolve(name);
		Duration delay = (request.delay() != null) ? request.delay() : Duration.ZERO;
		return new NewJob(JobId.next(), name, (request.queue() != null) ? request.queue() : resolved.queue(),
				(request.priority() != null) ? request.priority() : resolved.priority(), payloadJson,
				request.uniqueKey(), request.runAt(), delay,
				(request.maxAttempts() != null) ? request.maxAttempts() : resolved.maxAttempts(),
				(request.timeout() != null) ? request.timeout() : resolved.timeout(),
				(request.backoff() != null) ? request.backoff() : resolved.backoff());
	}

}
