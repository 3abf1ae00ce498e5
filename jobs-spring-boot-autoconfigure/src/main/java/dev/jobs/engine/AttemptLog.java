package dev.jobs.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.jobs.JobLogLine;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.JobLogPosition;
import dev.jobs.store.JobLogStore;

/**
 * The lines one attempt logs through {@code JobContext.log()}. While the handler runs
 * they are only gathered in memory, at most the job's limit of lines, so that logging
 * never needs a connection, which a handler inside its own transaction may hold the
 * pool's last of. When the handler returns, and so has ended its own transactions, they
 * are stored in one batch: as many as the job has room for, the rest counted in one
 * {@link JobLogLine#DROPPED} line. Storing never fails the attempt: after a database
 * error the lines are lost to the store and a warning says so; they have gone to the
 * application's logging already.
 */
final class AttemptLog {

	private static final Log logger = LogFactory.getLog(AttemptLog.class);

	private final JobLogStore store;

	private final ClaimedJob job;

	private final int maxLines;

	private final List<JobLogLine> lines = new ArrayList<>();

	private int dropped;

	AttemptLog(JobLogStore store, ClaimedJob job, int maxLines) {
		this.store = store;
		this.job = job;
		this.maxLines = maxLines;
	}

	synchronized void add(String level, String message, @Nullable Throwable throwable) {
		if (this.lines.size() >= this.maxLines) {
			this.dropped++;
			return;
		}
		this.lines.add(new JobLogLine(this.job.attempt(), Instant.now(), level, LogMessages.of(message, throwable)));
	}

	/**
	 * Store the gathered lines that the job has room for, and the count of the others.
	 * Call once the handler has returned.
	 */
	synchronized void finish() {
		if (this.lines.isEmpty()) {
			return;
		}
		try {
			JobLogPosition position = this.store.position(this.job.id());
			int room = Math.max(0, this.maxLines - position.lines());
			List<JobLogLine> kept = new ArrayList<>(this.lines.subList(0, Math.min(room, this.lines.size())));
			int notKept = this.dropped + this.lines.size() - kept.size();
			if (notKept > 0) {
				kept.add(new JobLogLine(this.job.attempt(), Instant.now(), JobLogLine.DROPPED,
						notKept + " more line" + ((notKept != 1) ? "s" : "") + " of attempt " + this.job.attempt()
								+ " not kept: a job keeps at most " + this.maxLines
								+ " log lines (jobs.history.max-log-lines)"));
			}
			this.store.append(this.job.id(), position.lastSequence() + 1, kept);
		}
		catch (RuntimeException ex) {
			logger
				.warn("Could not store the " + this.lines.size() + " log line(s) of job " + this.job.id() + " (attempt "
						+ this.job.attempt() + "); they went to the application's logging only: " + ex.getMessage());
		}
		finally {
			this.lines.clear();
			this.dropped = 0;
		}
	}

}
