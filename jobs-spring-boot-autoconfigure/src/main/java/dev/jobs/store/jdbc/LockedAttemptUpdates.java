package dev.jobs.store.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;
import dev.jobs.store.FinishedAttempt;

/**
 * The ends of attempts where an update cannot return the rows it changed: the rows are
 * locked first, in id order, the attempts whose job still runs under the same owner and
 * fencing token kept, and those updated (plain completions in one statement by id, the
 * others in a JDBC batch).
 */
final class LockedAttemptUpdates implements AttemptUpdates {

	private final AttemptEnds ends;

	LockedAttemptUpdates(AttemptEnds ends) {
		this.ends = ends;
	}

	@Override
	public List<FinishedAttempt> update(List<FinishedAttempt> attempts) {
		JdbcAccess access = this.ends.access();
		List<FinishedAttempt> owned = lockOwned(attempts);
		List<Object> plainCompletions = new ArrayList<>();
		for (FinishedAttempt attempt : owned) {
			if (AttemptEnds.isPlainCompletion(attempt)) {
				plainCompletions.add(access.dialect().bind(attempt.id()));
			}
		}
		if (!plainCompletions.isEmpty()) {
			access.jdbc().sql(this.ends.statements().completeByIds()).param("ids", plainCompletions).update();
		}
		this.ends.fencedBatches(owned).forEach(this.ends::update);
		return owned;
	}

	/**
	 * Lock the rows of the attempts, in id order, and keep the attempts whose job is
	 * still running under the same owner and fencing token.
	 */
	private List<FinishedAttempt> lockOwned(List<FinishedAttempt> attempts) {
		JdbcAccess access = this.ends.access();
		List<Object> ids = new ArrayList<>(attempts.size());
		for (FinishedAttempt attempt : attempts) {
			ids.add(access.dialect().bind(attempt.id()));
		}
		Map<JobId, Claim> claims = new HashMap<>();
		access.jdbc().sql(this.ends.statements().lockRunning()).param("ids", ids).query((rs) -> {
			claims.put(access.dialect().jobId(rs, "id"),
					new Claim(rs.getString("owner"), rs.getLong("fence"), rs.getBoolean("cancel_requested")));
		});
		return attempts.stream().filter((attempt) -> {
			Claim claim = claims.get(attempt.id());
			return claim != null && claim.fence() == attempt.job().fence()
					&& attempt.job().owner().equals(claim.owner());
		})
			.map((attempt) -> (AttemptEnds.putsBackInLine(attempt) && claims.get(attempt.id()).cancelRequested())
					? AttemptEnds.cancelled(attempt) : attempt)
			.toList();
	}

	private record Claim(@Nullable String owner, long fence, boolean cancelRequested) {

	}

}
