package dev.jobs.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.jobs.store.AttemptRecorder;
import dev.jobs.store.ClaimedJob;

/**
 * Records, on a thread of its own ({@code jobs-starts}), that jobs this node held ahead
 * of a free slot started, a few at a time as they start: a held job is claimed without a
 * start time, so that a rescue does not count an attempt that never started, and gets one
 * once it starts, so that a rescue counts an attempt that did. A mark that cannot be
 * written is dropped: its attempt is then counted by its end only.
 */
final class StartMarks {

	private static final Log logger = LogFactory.getLog(StartMarks.class);

	private static final int MAX_BATCH = 500;

	private final AttemptRecorder recorder;

	private final LinkedBlockingQueue<ClaimedJob> queue = new LinkedBlockingQueue<>();

	private volatile @Nullable Thread thread;

	StartMarks(AttemptRecorder recorder) {
		this.recorder = recorder;
	}

	synchronized void start() {
		if (this.thread != null) {
			return;
		}
		Thread writer = new Thread(this::writeLoop, "jobs-starts");
		writer.setDaemon(true);
		this.thread = writer;
		writer.start();
	}

	void started(ClaimedJob job) {
		this.queue.add(job);
	}

	/**
	 * Stop at once; marks not yet written are dropped.
	 */
	synchronized void stop() {
		Thread writer = this.thread;
		this.thread = null;
		if (writer != null) {
			writer.interrupt();
			try {
				writer.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.queue.clear();
	}

	private void writeLoop() {
		List<ClaimedJob> batch = new ArrayList<>();
		while (this.thread == Thread.currentThread()) {
			try {
				batch.add(this.queue.take());
				this.queue.drainTo(batch, MAX_BATCH - 1);
				this.recorder.started(batch);
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				logger.debug("Could not record the start of " + batch.size() + " held job(s)", ex);
			}
			finally {
				batch.clear();
			}
		}
	}

}
