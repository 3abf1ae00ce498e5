package dev.jobs.store.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.jobs.InvalidJobStateException;
import dev.jobs.JobChanges;
import dev.jobs.JobId;
import dev.jobs.JobsException;
import dev.jobs.store.EnqueueResult;
import dev.jobs.store.JobWriter;
import dev.jobs.store.NewJob;

/**
 * Stores new jobs in batches and cancels or retries jobs.
 *
 * <p>
 * Unique keys are enforced by a unique index on {@code active_key}, which holds the job's
 * unique key while it is unfinished and {@code NULL} afterwards. An insert whose key is
 * held stores nothing (PostgreSQL {@code ON CONFLICT DO NOTHING}, MySQL
 * {@code ON DUPLICATE KEY UPDATE} as a no-op, a caught failure on H2); the holder's id is
 * then read back. Concurrent enqueues of one key from many nodes thus store one job.
 *
 * <p>
 * Where the dialect can notify (PostgreSQL), the insert's transaction also sends one
 * notification per queue of the jobs it stored that are due at once, on the
 * {@link TablePrefix#enqueueChannel() channel} of the table prefix, with the queue name
 * as payload. The database delivers it when the transaction commits, so other nodes'
 * workers poll at once, and never for a rolled back enqueue. Lone jobs enqueued outside a
 * transaction are stored by a {@link SingleJobInsert}, whose notifications are spaced
 * out.
 *
 * <p>
 * Inserts, cancels and retries join the caller's transaction as
 * {@link CallerTransactions} tells; an insert inside a transaction of another data source
 * is held until that transaction commits.
 */
public class JdbcJobWriter implements JobWriter {

	private static final int MAX_KEY_TRIES = 5;

	private final JdbcAccess access;

	private final EnqueueNotifier notifier;

	private final JobStatements statements;

	private final SingleJobInsert singleInsert;

	private final JobBatchInsert batchInsert;

	/**
	 * Create a writer that notifies other nodes of enqueued jobs where the dialect can.
	 * @param access the JDBC access
	 */
	public JdbcJobWriter(JdbcAccess access) {
		this(access, true);
	}

	/**
	 * Create a writer.
	 * @param access the JDBC access
	 * @param notifyEnqueues whether to notify other nodes of enqueued jobs, where the
	 * dialect can
	 */
	public JdbcJobWriter(JdbcAccess access, boolean notifyEnqueues) {
		this.access = access;
		this.statements = new JobStatements(access.dialect(), access.tables());
		this.notifier = notifyEnqueues ? EnqueueNotifier.of(access) : EnqueueNotifier.NONE;
		MultiRowJobInsert multiRowInsert = new MultiRowJobInsert(access);
		this.batchInsert = JobBatchInsert.of(access, multiRowInsert);
		this.singleInsert = new SingleJobInsert(access, multiRowInsert, this.notifier);
	}

	@Override
	public List<EnqueueResult> insert(List<NewJob> jobs) {
		if (jobs.isEmpty()) {
			return List.of();
		}
		if (jobs.size() == 1 && this.singleInsert.applies(jobs.get(0))) {
			NewJob job = jobs.get(0);
			this.singleInsert.insert(job, job.isDueAt(Instant.now()));
			return List.of(new EnqueueResult(job.id(), true));
		}
		if (this.access.callerTransactions().current() == CallerTransactions.Surrounding.ELSEWHERE) {
			return insertAfterCallerCommits(jobs);
		}
		return this.access.inTransaction(() -> insertInTransaction(jobs));
	}

	/**
	 * Hold the jobs until the caller's transaction, which is on another data source,
	 * commits, and drop them if it rolls back. Their ids are known beforehand; a job
	 * whose unique key is held when it is stored is not stored.
	 */
	private List<EnqueueResult> insertAfterCallerCommits(List<NewJob> jobs) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				JdbcJobWriter.this.access.inOwnTransaction(() -> insertInTransaction(jobs));
			}

		});
		return jobs.stream().map((job) -> new EnqueueResult(job.id(), true)).toList();
	}

	private List<EnqueueResult> insertInTransaction(List<NewJob> jobs) {
		List<NewJob> remaining = jobs;
		Map<JobId, JobId> holders = new HashMap<>();
		for (int tries = 0; !remaining.isEmpty(); tries++) {
			if (tries == MAX_KEY_TRIES) {
				throw new JobsException("Could not enqueue jobs with unique keys " + uniqueKeys(remaining)
						+ ": their holders kept finishing while the keys were read");
			}
			this.batchInsert.insert(remaining);
			remaining = resolveHolders(remaining, holders);
		}
		List<EnqueueResult> results = new ArrayList<>(jobs.size());
		for (NewJob job : jobs) {
			JobId id = holders.getOrDefault(job.id(), job.id());
			results.add(new EnqueueResult(id, id.equals(job.id())));
		}
		notifyEnqueued(jobs, results);
		return results;
	}

	private void notifyEnqueued(List<NewJob> jobs, List<EnqueueResult> results) {
		Set<String> queues = new LinkedHashSet<>();
		Instant now = Instant.now();
		for (int i = 0; i < jobs.size(); i++) {
			NewJob job = jobs.get(i);
			if (results.get(i).inserted() && job.isDueAt(now)) {
				queues.add(job.queue());
			}
		}
		queues.forEach(this.notifier::notifyEnqueued);
	}

	/**
	 * Find, for each job with a unique key, the unfinished job that holds the key.
	 * Returns the jobs whose key no job holds any more (its holder finished in between),
	 * which must be stored again.
	 */
	private List<NewJob> resolveHolders(List<NewJob> jobs, Map<JobId, JobId> holders) {
		Set<String> keys = uniqueKeys(jobs);
		if (keys.isEmpty()) {
			return List.of();
		}
		Map<String, JobId> holderByKey = new HashMap<>();
		this.access.jdbc()
			.sql("SELECT id, active_key FROM " + this.access.tables().job() + " WHERE active_key IN (:keys)"
					+ this.access.dialect().currentRead())
			.param("keys", keys)
			.query((rs) -> {
				holderByKey.put(rs.getString("active_key"), this.access.dialect().jobId(rs, "id"));
			});
		List<NewJob> unresolved = new ArrayList<>();
		for (NewJob job : jobs) {
			if (job.uniqueKey() != null) {
				JobId holder = holderByKey.get(job.uniqueKey());
				if (holder != null) {
					holders.put(job.id(), holder);
				}
				else {
					unresolved.add(job);
				}
			}
		}
		return unresolved;
	}

	private static Set<String> uniqueKeys(List<NewJob> jobs) {
		Set<String> keys = new LinkedHashSet<>();
		for (NewJob job : jobs) {
			if (job.uniqueKey() != null) {
				keys.add(job.uniqueKey());
			}
		}
		return keys;
	}

	@Override
	public CancelResult cancel(JobId id) {
		return this.access.inTransaction(() -> {
			Object boundId = this.access.dialect().bind(id);
			int cancelled = this.access.jdbc().sql(this.statements.cancelPending()).param("id", boundId).update();
			if (cancelled > 0) {
				return CancelResult.CANCELLED;
			}
			int requested = this.access.jdbc().sql(this.statements.requestCancel()).param("id", boundId).update();
			return (requested > 0) ? CancelResult.STOP_REQUESTED : CancelResult.NOT_CANCELLABLE;
		});
	}

	@Override
	public boolean retry(JobId id) {
		try {
			return this.access.inTransaction(() -> this.access.jdbc()
				.sql(this.statements.retryFinished())
				.param("id", this.access.dialect().bind(id))
				.update() > 0);
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidJobStateException(
					"Job " + id + " cannot be retried: another unfinished job holds its unique key");
		}
	}

	@Override
	public boolean reschedule(JobId id, JobChanges changes) {
		List<String> assignments = new ArrayList<>();
		MapSqlParameterSource parameters = new MapSqlParameterSource("id", this.access.dialect().bind(id));
		if (changes.runAt() != null) {
			assignments.add("run_at = :runAt");
			parameters.addValue("runAt", this.access.dialect().bind(changes.runAt()));
		}
		if (changes.delay() != null) {
			assignments.add("run_at = " + this.access.dialect().nowPlusMillis("delayMs"));
			parameters.addValue("delayMs", changes.delay().toMillis());
		}
		if (changes.priority() != null) {
			assignments.add("priority = :priority");
			parameters.addValue("priority", changes.priority().rank());
		}
		String condition = " WHERE id = :id AND status = 'PENDING'";
		if (changes.maxAttempts() != null) {
			assignments.add("max_attempts = :maxAttempts");
			parameters.addValue("maxAttempts", changes.maxAttempts());
			condition += " AND attempts < :maxAttempts";
		}
		String update = "UPDATE " + this.access.tables().job() + " SET " + String.join(", ", assignments) + condition;
		return this.access.inTransaction(() -> this.access.named().update(update, parameters) > 0);
	}

}
