package dev.jobs.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.jobs.store.NewJob;
import dev.jobs.store.jdbc.postgresql.SpacedNotifications;

/**
 * Stores a lone job without a unique key, enqueued outside any transaction, in one
 * statement that commits by itself: one round trip instead of an insert and a commit.
 * Where the dialect notifies other nodes (PostgreSQL), the notification rides in the same
 * statement ({@code WITH inserted AS (INSERT ... RETURNING queue) SELECT pg_notify}), so
 * it is still sent only when the insert commits; a stream of such enqueues has its
 * notifications spaced out ({@link SpacedNotifications}, {@link #NOTIFICATION_WINDOW},
 * {@link #LONGEST_NOTIFICATION_WINDOW}). Applies only where the data source hands out
 * connections in auto-commit mode, as connection pools do by default.
 */
final class SingleJobInsert {

	/**
	 * How long after a notification of a queue the next single enqueue of it waits to
	 * notify, after a lone enqueue.
	 */
	static final Duration NOTIFICATION_WINDOW = Duration.ofMillis(5);

	/**
	 * How long it waits at most, the window having doubled while enqueues kept coming.
	 */
	static final Duration LONGEST_NOTIFICATION_WINDOW = Duration.ofMillis(40);

	private final JdbcAccess access;

	private final MultiRowJobInsert rows;

	private final @Nullable EnqueueNotifier notifier;

	private final @Nullable SpacedNotifications notifications;

	private final String insertAt;

	private final String insertAfterDelay;

	private final @Nullable String notifyingInsertAt;

	private final @Nullable String notifyingInsertAfterDelay;

	private volatile @Nullable Boolean autoCommit;

	/**
	 * Create the single insert of a writer.
	 * @param access the JDBC access
	 * @param rows the writer's multi-row insert, whose one-row statement this uses
	 * @param notifier tells other nodes of enqueued jobs, or {@code null} where enqueues
	 * notify no other nodes
	 */
	SingleJobInsert(JdbcAccess access, MultiRowJobInsert rows, @Nullable EnqueueNotifier notifier) {
		this.access = access;
		this.rows = rows;
		this.notifier = notifier;
		this.notifications = (notifier != null)
				? new SpacedNotifications(NOTIFICATION_WINDOW, LONGEST_NOTIFICATION_WINDOW, notifier::notifyEnqueued)
				: null;
		this.insertAt = rows.singleRow(true);
		this.insertAfterDelay = rows.singleRow(false);
		this.notifyingInsertAt = (notifier != null) ? notifier.notifyingInsert(this.insertAt) : null;
		this.notifyingInsertAfterDelay = (notifier != null) ? notifier.notifyingInsert(this.insertAfterDelay) : null;
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
		String notifying = at ? this.notifyingInsertAt : this.notifyingInsertAfterDelay;
		SpacedNotifications notifications = this.notifications;
		boolean notifies = due && notifying != null && notifications != null;
		boolean notifiesNow = notifies && notifications.notifyNow(job.queue());
		String sql = notifiesNow ? notifying : (at ? this.insertAt : this.insertAfterDelay);
		try {
			this.access.named().getJdbcOperations().execute(sql, (PreparedStatementCallback<Boolean>) (statement) -> {
				bind(statement, job, at, notifiesNow);
				return statement.execute();
			});
		}
		catch (RuntimeException ex) {
			if (notifiesNow) {
				// the enqueues held back before this one counted on its notification
				notifications.heldBack(job.queue());
			}
			throw ex;
		}
		if (notifies && !notifiesNow) {
			notifications.heldBack(job.queue());
		}
	}

	private void bind(PreparedStatement statement, NewJob job, boolean at, boolean notifies) throws SQLException {
		PositionalParameters parameters = new PositionalParameters(statement);
		this.rows.bind(job, at, parameters);
		if (notifies) {
			Objects.requireNonNull(this.notifier).bindChannel(parameters);
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
