package dev.jobs.testsupport;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.MDC;

import dev.jobs.Backoff;
import dev.jobs.JobContext;
import dev.jobs.JobHandler;
import dev.jobs.NonRetryable;

/**
 * Handlers that the contract tests enqueue, each reporting to the shared
 * {@link Recorder}.
 */
public class TestHandlers {

	private final Recorder recorder;

	private final String node;

	private volatile CountDownLatch release = new CountDownLatch(1);

	public TestHandlers(Recorder recorder, String node) {
		this.recorder = recorder;
		this.node = node;
	}

	/**
	 * Let every {@code blocking} handler return.
	 */
	public void release() {
		this.release.countDown();
	}

	@JobHandler("echo")
	public Greeting echo(Greeting payload, JobContext context) {
		run(context, () -> this.recorder.mdc(MDC.getCopyOfContextMap()));
		return new Greeting(payload.text().toUpperCase());
	}

	@JobHandler("noop")
	public void noop(JobContext context) {
		run(context, () -> {
		});
	}

	@JobHandler(value = "flaky", maxAttempts = 5, backoff = @Backoff(delay = "50ms", multiplier = 2.0, jitter = 0))
	public String flaky(int failuresBeforeSuccess, JobContext context) {
		run(context, () -> {
		});
		if (context.attempt() <= failuresBeforeSuccess) {
			throw new IllegalStateException("flaky failure " + context.attempt());
		}
		return "ok after " + context.attempt();
	}

	@JobHandler(value = "always-fails", maxAttempts = 3, backoff = @Backoff(delay = "20ms", jitter = 0))
	public void alwaysFails(JobContext context) {
		run(context, () -> {
		});
		throw new IllegalStateException("always fails");
	}

	@JobHandler(value = "rejects", maxAttempts = 5)
	public void rejects(JobContext context) {
		run(context, () -> {
		});
		throw new InvalidInputException("input is invalid");
	}

	@JobHandler(value = "slow", timeout = "300ms", maxAttempts = 1)
	public void slow(long millis, JobContext context) throws InterruptedException {
		run(context, () -> {
		});
		Thread.sleep(millis);
	}

	@JobHandler(value = "stubborn", timeout = "200ms", maxAttempts = 1)
	public void stubborn(long millis, JobContext context) {
		run(context, () -> {
		});
		long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		while (System.nanoTime() < end) {
			Thread.onSpinWait();
		}
	}

	@JobHandler(value = "blocking", timeout = "1h")
	public void blocking(JobContext context) throws InterruptedException {
		run(context, () -> {
		});
		try {
			this.release.await();
		}
		finally {
			this.recorder.finished(context);
		}
	}

	@JobHandler("tracked")
	public void tracked(long millis, JobContext context) throws InterruptedException {
		this.recorder.started(context, this.node + ":" + context.jobId());
		try {
			Thread.sleep(millis);
		}
		finally {
			this.recorder.finished(context);
		}
	}

	@JobHandler("ordered")
	public void ordered(String label, JobContext context) {
		this.recorder.started(context, label);
		this.recorder.finished(context);
	}

	private void run(JobContext context, Runnable work) {
		this.recorder.started(context, this.node + ":" + context.jobId());
		work.run();
		if (!context.name().equals("blocking")) {
			this.recorder.finished(context);
		}
	}

	/**
	 * A payload.
	 *
	 * @param text the text
	 */
	public record Greeting(String text) {

	}

	/**
	 * An exception marked as not worth retrying.
	 */
	@NonRetryable
	public static class InvalidInputException extends RuntimeException {

		InvalidInputException(String message) {
			super(message);
		}

	}

}
