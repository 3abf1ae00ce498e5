package dev.jobs.faults.app;

import org.springframework.stereotype.Component;

import dev.jobs.Backoff;
import dev.jobs.JobContext;
import dev.jobs.JobHandler;

/**
 * The suite's handler: records its start, sleeps, records its end. A run that is
 * interrupted or killed has no end.
 */
@Component
class SleepJob {

	static final String NAME = "fault-sleep";

	private final RunRecorder recorder;

	SleepJob(RunRecorder recorder) {
		this.recorder = recorder;
	}

	@JobHandler(value = NAME, maxAttempts = 20, timeout = "60s", backoff = @Backoff(delay = "200ms", multiplier = 1.0))
	void run(SleepPayload payload, JobContext context) throws InterruptedException {
		String run = this.recorder.started(context.jobId().toString(), context.attempt());
		Thread.sleep(payload.ms());
		this.recorder.ended(run);
	}

}
