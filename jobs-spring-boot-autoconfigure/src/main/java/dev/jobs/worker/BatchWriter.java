package dev.jobs.worker;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;

import dev.jobs.JobId;
import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.store.AttemptRecorder;
import dev.jobs.store.AttemptResult;
import dev.jobs.store.FinishedAttempt;
import dev.jobs.store.StoreFailures;

/**
 * Writes one batch of attempt ends for the {@link GroupCommitter}. A batch that fails
 * transiently is tried again with backoff for as long as the committer allows and the
 * lease under which the batch was taken holds. A batch that the database rejects is split
 * in halves until the end it rejects is alone, and that end is recorded without what the
 * database refused (its result or its error text), as a failure saying so.
 */
final class BatchWriter {

	private static final Log logger = LogFactory.getLog(GroupCommitter.class);

	private final AttemptRecorder recorder;

	private final JobLifecycleListener listener;

	private final CommitProgress progress;

	private final BooleanSupplier retrying;

	private final AtomicLong leaseEpoch = new AtomicLong();

	/**
	 * Create a writer.
	 * @param recorder writes the batches
	 * @param listener hears of the retries
	 * @param progress hears of the commits and failed tries
	 * @param retrying whether the committer still lets a batch be retried
	 */
	BatchWriter(AttemptRecorder recorder, JobLifecycleListener listener, CommitProgress progress,
			BooleanSupplier retrying) {
		this.recorder = recorder;
		this.listener = listener;
		this.progress = progress;
		this.retrying = retrying;
	}

	/**
	 * Give up the batches being retried: the node lost its lease.
	 */
	void leaseLost() {
		this.leaseEpoch.incrementAndGet();
	}

	/**
	 * Write a batch, under the lease held now.
	 * @param attempts the ends to write
	 * @return what was written and what was given up
	 */
	Written write(List<FinishedAttempt> attempts) {
		Map<JobId, FinishedAttempt> written = new ConcurrentHashMap<>();
		Set<JobId> givenUp = ConcurrentHashMap.newKeySet();
		record(attempts, written, givenUp, this.leaseEpoch.get(), false);
		return new Written(written, givenUp);
	}

	/**
	 * Record attempts, trying again after transient failures, and splitting them when the
	 * database rejects them.
	 * @param attempts the attempts
	 * @param written collects the attempts written, by job
	 * @param givenUp collects the jobs whose end was given up
	 * @param epoch the lease epoch when the batch was taken
	 * @param substitutes whether the attempts replace ends the database rejected
	 */
	private void record(List<FinishedAttempt> attempts, Map<JobId, FinishedAttempt> written, Set<JobId> givenUp,
			long epoch, boolean substitutes) {
		long pause = 100;
		while (true) {
			try {
				for (FinishedAttempt attempt : this.recorder.recordAll(attempts)) {
					written.put(attempt.id(), attempt);
				}
				this.progress.committed();
				return;
			}
			catch (RuntimeException ex) {
				String reason = StoreFailures.transientReason(ex);
				if (reason == null) {
					recordRejected(attempts, ex, written, givenUp, epoch, substitutes);
					return;
				}
				this.progress.failed();
				if (!mayRetry(epoch)) {
					logger.error("Gave up recording the ends of " + attempts.size() + " attempt(s) (jobs "
							+ ids(attempts) + "); they stay running until handed back or rescued", ex);
					attempts.forEach((attempt) -> givenUp.add(attempt.id()));
					return;
				}
				this.listener.storeRetried(reason);
				logger.warn("Could not record the ends of " + attempts.size() + " attempt(s), retrying in " + pause
						+ "ms: " + ex.getMessage());
				if (!sleep(pause)) {
					attempts.forEach((attempt) -> givenUp.add(attempt.id()));
					return;
				}
				pause = Math.min(pause * 2, 5000);
			}
		}
	}

	private void recordRejected(List<FinishedAttempt> attempts, RuntimeException rejection,
			Map<JobId, FinishedAttempt> written, Set<JobId> givenUp, long epoch, boolean substitutes) {
		if (attempts.size() > 1) {
			int half = attempts.size() / 2;
			record(attempts.subList(0, half), written, givenUp, epoch, substitutes);
			record(attempts.subList(half, attempts.size()), written, givenUp, epoch, substitutes);
			return;
		}
		FinishedAttempt attempt = attempts.get(0);
		String cause = describe(rejection);
		AttemptResult substitute = substitutes ? null : substitute(attempt.result(), cause);
		if (substitute == null) {
			logger.error("The database rejected the end of attempt " + attempt.job().attempt() + " of job "
					+ attempt.id() + "; it stays running until handed back or rescued", rejection);
			givenUp.add(attempt.id());
			return;
		}
		logger.warn("The database rejected the end of attempt " + attempt.job().attempt() + " of job " + attempt.id()
				+ " (" + attempt.result().outcome() + "): " + cause + "; it is recorded without what was refused");
		record(List.of(new FinishedAttempt(attempt.job(), substitute, attempt.durationMillis())), written, givenUp,
				epoch, true);
	}

	/**
	 * The end to record instead of one the database rejected: the same end without the
	 * handler's result or error text, which is what the database can refuse.
	 */
	private static @Nullable AttemptResult substitute(AttemptResult result, String cause) {
		String error = (result instanceof AttemptResult.Completed)
				? "The attempt completed, but its result could not be stored: " + cause
				: "The error of this attempt could not be stored: " + cause;
		return result.withError(error);
	}

	private static String describe(RuntimeException rejection) {
		String message = NestedExceptionUtils.getMostSpecificCause(rejection).toString();
		int lineEnd = message.indexOf('\n');
		String firstLine = (lineEnd >= 0) ? message.substring(0, lineEnd) : message;
		return (firstLine.length() > 500) ? firstLine.substring(0, 500) + "..." : firstLine;
	}

	private boolean mayRetry(long epoch) {
		return this.leaseEpoch.get() == epoch && this.retrying.getAsBoolean();
	}

	private static List<JobId> ids(List<FinishedAttempt> attempts) {
		return attempts.stream().map(FinishedAttempt::id).limit(20).toList();
	}

	private static boolean sleep(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * What became of a batch.
	 *
	 * @param attempts the attempts written, by job; a job missing here and not given up
	 * was no longer owned by the node
	 * @param givenUp the jobs whose end was given up
	 */
	record Written(Map<JobId, FinishedAttempt> attempts, Set<JobId> givenUp) {

	}

}
