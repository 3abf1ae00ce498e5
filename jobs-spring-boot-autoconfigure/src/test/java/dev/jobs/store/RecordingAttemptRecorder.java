package dev.jobs.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link AttemptRecorder} for tests that keeps, in memory, every attempt end it
 * writes, writes every end it is given, accepts progress, ignores starts and has nothing
 * running. Subclasses that decide which ends are written pass those to
 * {@link #recordAll(List)} of this class.
 */
public class RecordingAttemptRecorder implements AttemptRecorder {

	private final List<FinishedAttempt> written = new CopyOnWriteArrayList<>();

	/**
	 * The attempt ends written so far, in the order they were written.
	 * @return the ends
	 */
	public List<FinishedAttempt> written() {
		return this.written;
	}

	/**
	 * The attempt ends written so far of one job.
	 * @param job the job
	 * @return its ends, in the order they were written
	 */
	public List<FinishedAttempt> endsOf(ClaimedJob job) {
		return this.written.stream().filter((attempt) -> attempt.id().equals(job.id())).toList();
	}

	@Override
	public List<FinishedAttempt> recordAll(List<FinishedAttempt> attempts) {
		this.written.addAll(attempts);
		return attempts;
	}

	@Override
	public boolean progress(ClaimedJob job, int percent) {
		return true;
	}

	@Override
	public void started(List<ClaimedJob> jobs) {
	}

	@Override
	public List<ClaimedJob> running(String owner) {
		return List.of();
	}

}
