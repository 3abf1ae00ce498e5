package dev.jobs.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.jobs.Job;
import dev.jobs.JobId;
import dev.jobs.JobLogLine;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.web.ConsoleBodies.Progress;

/**
 * One job's event stream: each {@link #poll()} reads the job and its log lines and sends
 * what changed since the last one as {@code log}, {@code progress} and {@code status}
 * events with JSON data, then completes the stream once the job has finished.
 */
final class JobEventStream {

	private final Jobs jobs;

	private final JobViews views;

	private final JobId id;

	private final boolean showValues;

	private final SseEmitter emitter;

	private @Nullable JobStatus lastStatus;

	private int lastProgress = -1;

	private int lastAttempts = -1;

	private int sentLines;

	JobEventStream(Jobs jobs, JobViews views, JobId id, boolean showValues, SseEmitter emitter) {
		this.jobs = jobs;
		this.views = views;
		this.id = id;
		this.showValues = showValues;
		this.emitter = emitter;
	}

	/**
	 * Send what changed.
	 * @return {@code false} once the stream is complete
	 */
	boolean poll() {
		try {
			Optional<Job> read = this.jobs.get(this.id);
			if (read.isEmpty()) {
				this.emitter.complete();
				return false;
			}
			Job job = read.get();
			sendLogs(this.jobs.logs(this.id));
			if (job.progress() != this.lastProgress) {
				this.lastProgress = job.progress();
				send("progress", new Progress(this.id.toString(), job.progress()));
			}
			if (job.status() != this.lastStatus || job.attempts() != this.lastAttempts) {
				this.lastStatus = job.status();
				this.lastAttempts = job.attempts();
				send("status", this.views.summary(job, this.showValues));
			}
			if (job.status().isFinished()) {
				this.emitter.complete();
				return false;
			}
			return true;
		}
		catch (IOException | RuntimeException ex) {
			this.emitter.completeWithError(ex);
			return false;
		}
	}

	private void sendLogs(List<JobLogLine> lines) throws IOException {
		for (int i = this.sentLines; i < lines.size(); i++) {
			send("log", this.views.logLine(lines.get(i), this.showValues));
		}
		this.sentLines = Math.max(this.sentLines, lines.size());
	}

	private void send(String name, ConsoleJson data) throws IOException {
		this.emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
	}

}
