package dev.jobs.engine;

import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.jobs.JobLogLine;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.JobLogPosition;
import dev.jobs.store.JobLogStore;

/**
 * The lines one attempt logs through {@code JobContext.log()}, stored one by one, each in
 * a short transaction of its own, while the job holds fewer than its limit of lines. The
 * lines beyond the limit are counted, and the count is stored as one
 * {@link JobLogLine#DROPPED} line when the attempt's handler returns. Storing never fails
 * the handler: after a database error the attempt's further lines are not stored.
 */
final class AttemptLog {

	private static final Log logger = LogFactory.getLog(AttemptLog.class);

	private final JobLogStore store;

	private final ClaimedJob job;

	private final int maxLines;

	private @Nullable JobLogPosition position;

	private int dropped;

	private boolean broken;

	AttemptLog(JobLogStore store, ClaimedJob job, int maxLines) {
		this.store = store;
		this.job = job;
		this.maxLines = maxLines;
	}

	synchronized void add(String level, String message, @Nullable Throwable throwable) {
		if (this.broken || this.maxLines < 1) {
			return;
		}
		try {
			JobLogPosition current = position();
			if (current.lines() >= this.maxLines) {
				this.dropped++;
				return;
			}
			int sequence = current.lastSequence() + 1;
			this.store.append(this.job.id(), sequence,
					new JobLogLine(this.job.attempt(), Instant.now(), level, LogMessages.of(message, throwable)));
			this.position = new JobLogPosition(sequence, current.lines() + 1);
		}
		catch (RuntimeException ex) {
			giveUp(ex);
		}
	}

	/**
	 * Store the count of dropped lines, if any.
	 */
	synchronized void finish() {
		if (this.broken || this.dropped == 0 || this.position == null) {
			return;
		}
		int sequence = this.position.lastSequence() + 1;
		String message = this.dropped + " more line" + ((this.dropped != 1) ? "s" : "") + " of attempt "
				+ this.job.attempt() + " not kept: a job keeps at most " + this.maxLines
				+ " log lines (jobs.history.max-log-lines)";
		try {
			this.store.append(this.job.id(), sequence,
					new JobLogLine(this.job.attempt(), Instant.now(), JobLogLine.DROPPED, message));
			this.position = new JobLogPosition(sequence, this.position.lines());
			this.dropped = 0;
		}
		catch (RuntimeException ex) {
			giveUp(ex);
		}
	}

	private JobLogPosition position() {
		if (this.position == null) {
			this.position = this.store.position(this.job.id());
		}
		return this.position;
	}

	private void giveUp(RuntimeException ex) {
		this.broken = true;
		logger.warn("Could not store a log line of job " + this.job.id() + " (attempt " + this.job.attempt()
				+ "); its further lines in this attempt go to the application's logging only: " + ex.getMessage());
	}

}
