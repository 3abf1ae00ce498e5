package dev.jobs.store.jdbc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.jobs.JobId;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.FinishedAttempt;
import dev.jobs.store.jdbc.postgresql.AttemptArrays;

/**
 * The ends of attempts where an update can return the rows it changed (PostgreSQL): each
 * update carries the match itself. The plain completions' statement takes the attempts as
 * arrays ({@link AttemptArrays}) and returns the attempts it matched; the batch's counts
 * tell the others. Each row is locked by the update itself, so no locking read comes
 * first, except of the rows of attempts that would put their job back in line, whose
 * cancel requests are read first.
 */
final class ReturningAttemptUpdates implements AttemptUpdates {

	private final AttemptEnds ends;

	private final String completeReturning;

	ReturningAttemptUpdates(AttemptEnds ends) {
		this.ends = ends;
		// the owner is compared with IS NOT DISTINCT FROM, which the partial owner index
		// (owner IS NOT NULL) cannot serve: that index keeps an entry for every job that
		// ran since the last vacuum, and the planner would scan them all; the primary key
		// finds each attempt's row instead
		this.completeReturning = "UPDATE " + ends.access().tables().job() + " AS job SET "
				+ ends.statements().plainCompletion()
				+ " FROM unnest(CAST(? AS uuid[]), CAST(? AS bigint[]), CAST(? AS varchar[])) AS attempt(id, fence, owner)"
				+ " WHERE job.id = attempt.id AND job.fence = attempt.fence AND job.owner IS NOT DISTINCT FROM attempt.owner"
				+ " AND job.status = 'RUNNING' RETURNING job.id, job.fence";
	}

	@Override
	public List<FinishedAttempt> update(List<FinishedAttempt> attempts) {
		return updateOwned(cancelledWhereRequested(attempts));
	}

	/**
	 * Update the rows of the attempts that still own their job, each update matching
	 * owner and fence itself.
	 */
	private List<FinishedAttempt> updateOwned(List<FinishedAttempt> attempts) {
		Set<Attempt> updated = new HashSet<>();
		List<FinishedAttempt> plain = attempts.stream().filter(AttemptEnds::isPlainCompletion).toList();
		if (!plain.isEmpty()) {
			updated.addAll(completeAll(plain));
		}
		this.ends.fencedBatches(attempts).forEach((sql, batch) -> {
			int[] counts = this.ends.update(sql, batch);
			for (int i = 0; i < counts.length; i++) {
				if (counts[i] > 0) {
					updated.add(Attempt.of(batch.get(i).attempt()));
				}
			}
		});
		return attempts.stream().filter((attempt) -> updated.contains(Attempt.of(attempt))).toList();
	}

	/**
	 * Lock the rows of the attempts that would put their job back in line, and record
	 * those whose cancel was requested as cancellations.
	 */
	private List<FinishedAttempt> cancelledWhereRequested(List<FinishedAttempt> attempts) {
		JdbcAccess access = this.ends.access();
		List<Object> ids = new ArrayList<>();
		for (FinishedAttempt attempt : attempts) {
			if (AttemptEnds.putsBackInLine(attempt)) {
				ids.add(access.dialect().bind(attempt.id()));
			}
		}
		if (ids.isEmpty()) {
			return attempts;
		}
		Set<JobId> cancelRequested = new HashSet<>();
		access.jdbc().sql(this.ends.statements().lockForCancelCheck()).param("ids", ids).query((rs) -> {
			if (rs.getBoolean("cancel_requested")) {
				cancelRequested.add(access.dialect().jobId(rs, "id"));
			}
		});
		return attempts.stream()
			.map((attempt) -> cancelRequested.contains(attempt.id()) ? AttemptEnds.cancelled(attempt) : attempt)
			.toList();
	}

	private List<Attempt> completeAll(List<FinishedAttempt> attempts) {
		JdbcAccess access = this.ends.access();
		Object[] ids = new Object[attempts.size()];
		Long[] fences = new Long[attempts.size()];
		String[] owners = new String[attempts.size()];
		for (int i = 0; i < ids.length; i++) {
			ClaimedJob job = attempts.get(i).job();
			ids[i] = access.dialect().bind(job.id());
			fences[i] = job.fence();
			owners[i] = job.owner();
		}
		return access.named()
			.getJdbcOperations()
			.query(AttemptArrays.bind(this.completeReturning, ids, fences, owners),
					(rs, rowNum) -> new Attempt(access.dialect().jobId(rs, "id"), rs.getLong("fence")));
	}

	/**
	 * One attempt of a job: a fencing token is given to one claim of the job only.
	 */
	private record Attempt(JobId id, long fence) {

		static Attempt of(FinishedAttempt attempt) {
			return new Attempt(attempt.id(), attempt.job().fence());
		}

	}

}
