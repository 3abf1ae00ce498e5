package dev.jobs.worker;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.store.AttemptResult;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.FinishedAttempt;

/**
 * Tells the lifecycle listener how a written attempt ended, or that its end was dropped
 * because the node no longer owns its job. A failing listener is logged, not thrown.
 */
final class EndReporter {

	private static final Log logger = LogFactory.getLog(GroupCommitter.class);

	private final JobLifecycleListener listener;

	EndReporter(JobLifecycleListener listener) {
		this.listener = listener;
	}

	/**
	 * Report the end of an attempt whose batch was written.
	 * @param attempt the end as submitted
	 * @param value the handler's return value
	 * @param written the end as written, or {@code null} if it was fenced
	 */
	void report(FinishedAttempt attempt, @Nullable Object value, @Nullable FinishedAttempt written) {
		ClaimedJob job = attempt.job();
		try {
			if (written == null) {
				AttemptResult result = attempt.result();
				logger.warn("Node " + job.owner() + " no longer owns attempt " + job.attempt() + " of job " + job.id()
						+ "; its " + result.outcome() + " outcome was dropped");
				this.listener.attemptFenced(job);
				return;
			}
			this.listener.attemptEnded(job, written.result(), value, Duration.ofMillis(written.durationMillis()));
		}
		catch (RuntimeException ex) {
			logger.error("Listener failed on the end of job " + job.id(), ex);
		}
	}

}
