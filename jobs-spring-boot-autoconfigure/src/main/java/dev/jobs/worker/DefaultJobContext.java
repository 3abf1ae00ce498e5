package dev.jobs.worker;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

import org.springframework.context.ApplicationEventPublisher;

import dev.jobs.Job;
import dev.jobs.JobContext;
import dev.jobs.JobId;
import dev.jobs.engine.AfterCommit;
import dev.jobs.store.AttemptRecorder;
import dev.jobs.store.ClaimedJob;

/**
 * The {@link JobContext} of one attempt.
 */
final class DefaultJobContext implements JobContext {

	private final Attempt attempt;

	private final Job.JsonReader jsonReader;

	private final AttemptRecorder recorder;

	private final ApplicationEventPublisher publisher;

	private final Logger log;

	private volatile int progress = -1;

	DefaultJobContext(Attempt attempt, Job.JsonReader jsonReader, AttemptRecorder recorder,
			ApplicationEventPublisher publisher, Logger log) {
		this.attempt = attempt;
		this.jsonReader = jsonReader;
		this.recorder = recorder;
		this.publisher = publisher;
		this.log = log;
	}

	private ClaimedJob job() {
		return this.attempt.job();
	}

	@Override
	public JobId jobId() {
		return job().id();
	}

	@Override
	public String name() {
		return job().name();
	}

	@Override
	public String queue() {
		return job().queue();
	}

	@Override
	public int attempt() {
		return job().attempt();
	}

	@Override
	public int maxAttempts() {
		return job().maxAttempts();
	}

	@Override
	public Instant enqueuedAt() {
		return job().createdAt();
	}

	@Override
	public Instant startedAt() {
		return job().startedAt();
	}

	@Override
	public <T> @Nullable T payload(Class<T> type) {
		String json = job().payloadJson();
		return (json != null) ? this.jsonReader.read(json, type) : null;
	}

	@Override
	public boolean isCancelled() {
		return this.attempt.stopReason() != null;
	}

	@Override
	public void progress(int percent) {
		if (percent < 0 || percent > 100) {
			throw new IllegalArgumentException("Progress of job " + jobId() + " must be from 0 to 100, was " + percent);
		}
		if (percent != this.progress && !this.attempt.isSettled()) {
			this.progress = percent;
			this.recorder.progress(job(), percent);
		}
	}

	@Override
	public Logger log() {
		return this.log;
	}

	@Override
	public void publish(Object event) {
		AfterCommit.run(() -> this.publisher.publishEvent(event));
	}

}
