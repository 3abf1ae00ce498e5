package dev.jobs.store.jdbc;

import java.sql.Connection;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.jobs.store.NewJob;

/**
 * Stores a lone job without a unique key, enqueued outside any transaction, in one
 * statement that commits by itself: one round trip instead of an insert and a commit.
 * Where the dialect notifies other nodes (PostgreSQL), the notification rides in the same
 * statement ({@code WITH inserted AS (INSERT ... RETURNING queue) SELECT pg_notify}), so
 * it is still sent only when the insert commits. Applies only where the data source hands
 * out connections in auto-commit mode, as connection pools do by default.
 */
final class SingleJobInsert {

	private final JdbcAccess access;

	private final String insertAt;

	private final String insertAfterDelay;

	private final @Nullable String notifyingInsertAt;

	private final @Nullable String notifyingInsertAfterDelay;

	private volatile @Nullable Boolean autoCommit;

	SingleJobInsert(JdbcAccess access, String insertAt, String insertAfterDelay, boolean notifyEnqueues) {
		this.access = access;
		this.insertAt = insertAt;
		this.insertAfterDelay = insertAfterDelay;
		this.notifyingInsertAt = notifyEnqueues ? access.dialect().insertNotifying(insertAt, "channel") : null;
		this.notifyingInsertAfterDelay = notifyEnqueues ? access.dialect().insertNotifying(insertAfterDelay, "channel")
				: null;
	}

	/**
	 * Whether a job can be stored this way now.
	 * @param job the job
	 * @return whether it has no unique key, no transaction is active and connections
	 * commit by themselves
	 */
	boolean applies(NewJob job) {
		return job.uniqueKey() == null && !TransactionSynchronizationManager.isActualTransactionActive()
				&& autoCommits();
	}

	/**
	 * Store the job.
	 * @param job the job
	 * @param parameters its parameters
	 * @param due whether it is due at once, so that other nodes are worth waking
	 */
	void insert(NewJob job, MapSqlParameterSource parameters, boolean due) {
		String notifying = (job.runAt() != null) ? this.notifyingInsertAt : this.notifyingInsertAfterDelay;
		if (notifying != null && due) {
			parameters.addValue("channel", this.access.tables().enqueueChannel());
			this.access.named().query(notifying, parameters, (rs) -> {
			});
		}
		else {
			this.access.named().update((job.runAt() != null) ? this.insertAt : this.insertAfterDelay, parameters);
		}
	}

	private boolean autoCommits() {
		Boolean known = this.autoCommit;
		if (known == null) {
			known = Boolean.TRUE.equals(this.access.named()
				.getJdbcOperations()
				.execute((ConnectionCallback<Boolean>) Connection::getAutoCommit));
			this.autoCommit = known;
		}
		return known;
	}

}
