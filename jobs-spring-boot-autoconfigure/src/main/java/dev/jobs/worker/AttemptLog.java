package dev.jobs.worker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.jobs.JobLogLine;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.JobLogPosition;
import dev.jobs.store.JobLogStore;

/**
 * The lines one attempt logs through {@code JobContext.log()}. The handler's thread only
 * adds them to a buffer in memory, so that logging never waits for the database nor needs
 * a connection, which a handler inside its own transaction may hold the pool's last of.
 * The {@link AttemptLogWriter} stores the new lines every little while, each time in a
 * short transaction of the store's own, and the attempt's thread stores the rest once the
 * handler has returned, and so has ended its own transactions.
 *
 * <p>
 * The job's position is read once, before the first write, and the lines are numbered on
 * from it. The attempt keeps as many lines as the job has room for, the rest counted and
 * stored at the end as one {@link JobLogLine#DROPPED} line. Storing never fails the
 * attempt: lines that could not be stored stay buffered for the next write, and the final
 * write gives up with a warning; they have gone to the application's logging already.
 */
final class AttemptLog {

	private static final Log logger = LogFactory.getLog(AttemptLog.class);

	private final JobLogStore store;

	private final ClaimedJob job;

	private final int maxLines;

	// guarded by this, and never held while the database is used: what the handler's
	// thread touches
	private final List<JobLogLine> pending = new ArrayList<>();

	private int limit;

	private int kept;

	private int dropped;

	private boolean finished;

	// held by the writes, which the handler's thread never makes
	private final ReentrantLock writeLock = new ReentrantLock();

	private int nextSequence;

	AttemptLog(JobLogStore store, ClaimedJob job, int maxLines) {
		this.store = store;
		this.job = job;
		this.maxLines = maxLines;
		this.limit = maxLines;
	}

	/**
	 * Whether this log keeps any lines at all.
	 * @return {@code false} if the job keeps none
	 */
	boolean keepsLines() {
		return this.maxLines > 0;
	}

	synchronized void add(String level, String message, @Nullable Throwable throwable) {
		if (this.finished || !keepsLines()) {
			return;
		}
		if (this.kept >= this.limit) {
			this.dropped++;
			return;
		}
		this.kept++;
		this.pending.add(new JobLogLine(this.job.attempt(), Instant.now(), level, LogMessages.of(message, throwable)));
	}

	/**
	 * Store the lines added since the last write; those that cannot be stored now stay
	 * buffered. Called while the handler runs, never on its thread.
	 */
	void flush() {
		write(false);
	}

	/**
	 * Store the remaining lines and the count of the dropped ones, once and for all. Call
	 * once the handler has returned.
	 */
	void finish() {
		write(true);
	}

	private void write(boolean last) {
		this.writeLock.lock();
		try {
			synchronized (this) {
				if (this.finished || (this.pending.isEmpty() && (!last || this.dropped == 0))) {
					this.finished |= last;
					return;
				}
				this.finished |= last;
			}
			try {
				store(last);
			}
			catch (RuntimeException ex) {
				if (last) {
					giveUp(ex);
				}
				else if (logger.isDebugEnabled()) {
					logger.debug("Could not store log lines of job " + this.job.id() + " yet; they stay buffered: "
							+ ex.getMessage());
				}
			}
		}
		finally {
			this.writeLock.unlock();
		}
	}

	private void store(boolean last) {
		if (this.nextSequence == 0) {
			JobLogPosition position = this.store.position(this.job.id());
			fitInto(position);
			this.nextSequence = position.lastSequence() + 1;
		}
		List<JobLogLine> batch;
		int lines;
		synchronized (this) {
			batch = new ArrayList<>(this.pending);
			lines = batch.size();
			if (last && this.dropped > 0) {
				batch.add(droppedMarker());
			}
		}
		if (!batch.isEmpty()) {
			this.store.append(this.job.id(), this.nextSequence, batch);
			this.nextSequence += batch.size();
		}
		synchronized (this) {
			this.pending.subList(0, lines).clear();
		}
	}

	/**
	 * Keep only as many lines as the job has room for. Nothing is stored yet: this runs
	 * before the first write.
	 */
	private synchronized void fitInto(JobLogPosition position) {
		this.limit = Math.max(0, this.maxLines - position.lines());
		int excess = this.kept - this.limit;
		if (excess > 0) {
			this.pending.subList(this.pending.size() - excess, this.pending.size()).clear();
			this.kept = this.limit;
			this.dropped += excess;
		}
	}

	private JobLogLine droppedMarker() {
		return new JobLogLine(this.job.attempt(), Instant.now(), JobLogLine.DROPPED,
				this.dropped + " more line" + ((this.dropped != 1) ? "s" : "") + " of attempt " + this.job.attempt()
						+ " not kept: a job keeps at most " + this.maxLines
						+ " log lines (jobs.history.max-log-lines)");
	}

	private void giveUp(RuntimeException ex) {
		int lost;
		synchronized (this) {
			lost = this.pending.size();
			this.pending.clear();
		}
		logger.warn("Could not store the last " + lost + " log line(s) of job " + this.job.id() + " (attempt "
				+ this.job.attempt() + "); they went to the application's logging only: " + ex.getMessage());
	}

}
