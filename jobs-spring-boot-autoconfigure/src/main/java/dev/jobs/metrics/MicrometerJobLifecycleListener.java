package dev.jobs.metrics;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.handler.JobHandlerRegistry;
import dev.jobs.store.AttemptResult;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.NewJob;
import dev.jobs.store.RescuedJob;

/**
 * Records the counters and timers of {@link JobsMetrics} from the engine's lifecycle
 * callbacks. An attempt that timed out is recorded with outcome {@code timed_out} whether
 * or not it is retried; other failed attempts are {@code retried} or {@code failed}; a
 * cancelled job is timed only if an attempt was running. The {@code job} tag is the job's
 * name only if a handler of that name is registered on this node, else {@code unknown},
 * so that stray names cannot grow the number of meters.
 */
public class MicrometerJobLifecycleListener implements JobLifecycleListener {

	private final MeterRegistry registry;

	private final JobHandlerRegistry handlers;

	/**
	 * Create the listener.
	 * @param registry where the meters go
	 * @param handlers the handlers of this node, which bound the {@code job} tag
	 */
	public MicrometerJobLifecycleListener(MeterRegistry registry, JobHandlerRegistry handlers) {
		this.registry = registry;
		this.handlers = handlers;
	}

	@Override
	public void jobEnqueued(NewJob job) {
		Counter.builder(JobsMetrics.ENQUEUED)
			.description("Jobs enqueued")
			.tag(JobsMetrics.TAG_JOB, jobTag(job.name()))
			.tag(JobsMetrics.TAG_QUEUE, job.queue())
			.register(this.registry)
			.increment();
	}

	@Override
	public void jobStarted(ClaimedJob job) {
		Duration wait = Duration.between(job.runAt(), job.startedAt());
		Timer.builder(JobsMetrics.WAIT)
			.description("Time from a job's due time to the start of its attempt")
			.tag(JobsMetrics.TAG_JOB, jobTag(job.name()))
			.tag(JobsMetrics.TAG_QUEUE, job.queue())
			.register(this.registry)
			.record(wait.isNegative() ? Duration.ZERO : wait);
	}

	@Override
	public void attemptEnded(ClaimedJob job, AttemptResult result, @Nullable Object value, Duration duration) {
		String outcome = result.metricTag();
		if (outcome != null) {
			execution(job.name(), job.queue(), outcome, duration);
		}
	}

	@Override
	public void jobRescued(RescuedJob job) {
		if (job.fate() == RescuedJob.Fate.PENDING) {
			Counter.builder(JobsMetrics.RESCUED)
				.description("Running jobs of dead nodes returned to pending")
				.register(this.registry)
				.increment();
		}
	}

	@Override
	public void attemptFenced(ClaimedJob job) {
		Counter.builder(JobsMetrics.WRITES_FENCED)
			.description("Late writes of attempts dropped because their node no longer owned the job")
			.register(this.registry)
			.increment();
	}

	@Override
	public void storeRetried(String reason) {
		Counter.builder(JobsMetrics.STORE_RETRIES)
			.description("Store work tried again after a transient failure")
			.tag(JobsMetrics.TAG_REASON, reason)
			.register(this.registry)
			.increment();
	}

	@Override
	public void recurringOccurrenceSkipped(String recurringName, Instant occurrence) {
		Counter.builder(JobsMetrics.RECURRING_SKIPPED)
			.description("Recurring occurrences skipped because the previous run was unfinished")
			.tag(JobsMetrics.TAG_RECURRING, recurringName)
			.register(this.registry)
			.increment();
	}

	private void execution(String name, String queue, String outcome, Duration duration) {
		Timer.builder(JobsMetrics.EXECUTION)
			.description("Finished job attempts")
			.tag(JobsMetrics.TAG_JOB, jobTag(name))
			.tag(JobsMetrics.TAG_QUEUE, queue)
			.tag(JobsMetrics.TAG_OUTCOME, outcome)
			.register(this.registry)
			.record(duration);
	}

	private String jobTag(String name) {
		return (this.handlers.find(name) != null) ? name : JobsMetrics.UNKNOWN_JOB;
	}

}
