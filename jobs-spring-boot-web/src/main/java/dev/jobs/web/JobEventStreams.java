package dev.jobs.web;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.jobs.JobId;
import dev.jobs.Jobs;

/**
 * Opens and closes the console's event streams. Each stream polls its job through
 * {@code Jobs} on a small scheduler of its own, so that it follows a job running on any
 * node; at most {@code maxStreams} are open at once, and each closes after
 * {@code timeout} at the latest.
 */
final class JobEventStreams implements DisposableBean {

	static final int DEFAULT_MAX_STREAMS = 100;

	static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

	static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

	private final Jobs jobs;

	private final JobViews views;

	private final int maxStreams;

	private final Duration pollInterval;

	private final Duration timeout;

	private final AtomicInteger open = new AtomicInteger();

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	JobEventStreams(Jobs jobs, JobViews views, int maxStreams, Duration pollInterval, Duration timeout) {
		this.jobs = jobs;
		this.views = views;
		this.maxStreams = maxStreams;
		this.pollInterval = pollInterval;
		this.timeout = timeout;
		this.scheduler.setPoolSize(2);
		this.scheduler.setThreadNamePrefix("jobs-web-events-");
		this.scheduler.setDaemon(true);
		this.scheduler.initialize();
	}

	SseEmitter open(JobId id, boolean showValues) {
		if (this.open.incrementAndGet() > this.maxStreams) {
			this.open.decrementAndGet();
			throw new ConsoleRequestException(HttpStatus.SERVICE_UNAVAILABLE, null,
					"Too many job event streams are open (" + this.maxStreams + "): try again later");
		}
		SseEmitter emitter = new SseEmitter(this.timeout.toMillis());
		AtomicReference<ScheduledFuture<?>> polling = new AtomicReference<>();
		AtomicBoolean closed = new AtomicBoolean();
		Runnable close = () -> {
			if (closed.compareAndSet(false, true)) {
				ScheduledFuture<?> future = polling.get();
				if (future != null) {
					future.cancel(false);
				}
				this.open.decrementAndGet();
			}
		};
		emitter.onCompletion(close);
		emitter.onTimeout(emitter::complete);
		emitter.onError((ex) -> close.run());
		JobEventStream stream = new JobEventStream(this.jobs, this.views, id, showValues, emitter);
		polling.set(this.scheduler.scheduleWithFixedDelay(() -> {
			if (!closed.get() && !stream.poll()) {
				close.run();
			}
		}, Instant.now(), this.pollInterval));
		return emitter;
	}

	int openStreams() {
		return this.open.get();
	}

	@Override
	public void destroy() {
		this.scheduler.shutdown();
	}

}
