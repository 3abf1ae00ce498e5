package dev.jobs.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.jobs.store.NewJob;

/**
 * Stores a lone job without a unique key, enqueued outside any transaction, in one
 * statement that commits by itself: one round trip instead of an insert and a commit.
 * Where the dialect notifies other nodes (PostgreSQL), the notification rides in the same
 * statement ({@code WITH inserted AS (INSERT ... RETURNING queue) SELECT pg_notify}), so
 * it is still sent only when the insert commits; a stream of such enqueues has its
 * notifications spaced out by the {@link EnqueueNotifier}. Applies only where the data
 * source hands out connections in auto-commit mode, as connection pools do by default.
 */
final class SingleJobInsert {

	private final JdbcAccess access;

	private final MultiRowJobInsert rows;

	private final EnqueueNotifier notifier;

	private final String insertAt;

	private final String insertAfterDelay;

	private final String notifyingInsertAt;

	private final String notifyingInsertAfterDelay;

	private volatile @Nullable Boolean autoCommit;

	/**
	 * Create the single insert of a writer.
	 * @param access the JDBC access
	 * @param rows the writer's multi-row insert, whose one-row statement this uses
	 * @param notifier tells other nodes of enqueued jobs
	 */
	SingleJobInsert(JdbcAccess access, MultiRowJobInsert rows, EnqueueNotifier notifier) {
		this.access = access;
		this.rows = rows;
		this.notifier = notifier;
		this.insertAt = rows.singleRow(true);
		this.insertAfterDelay = rows.singleRow(false);
		this.notifyingInsertAt = notifier.notifyingInsert(this.insertAt);
		this.notifyingInsertAfterDelay = notifier.notifyingInsert(this.insertAfterDelay);
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
	 * @param due whether it is due at once, so that other nodes are worth waking
	 */
	void insert(NewJob job, boolean due) {
		boolean at = job.runAt() != null;
		boolean notifiesNow = due && this.notifier.notifyNow(job.queue());
		String sql = at ? (notifiesNow ? this.notifyingInsertAt : this.insertAt)
				: (notifiesNow ? this.notifyingInsertAfterDelay : this.insertAfterDelay);
		try {
			this.access.named().getJdbcOperations().execute(sql, (PreparedStatementCallback<Boolean>) (statement) -> {
				bind(statement, job, at, notifiesNow);
				return statement.execute();
			});
		}
		catch (RuntimeException ex) {
			if (notifiesNow) {
				// the enqueues held back before this one counted on its notification
				this.notifier.heldBack(job.queue());
			}
			throw ex;
		}
		if (due && !notifiesNow) {
			this.notifier.heldBack(job.queue());
		}
	}

	private void bind(PreparedStatement statement, NewJob job, boolean at, boolean notifies) throws SQLException {
		PositionalParameters parameters = new PositionalParameters(statement);
		this.rows.bind(job, at, parameters);
		if (notifies) {
			this.notifier.bindChannel(parameters);
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
