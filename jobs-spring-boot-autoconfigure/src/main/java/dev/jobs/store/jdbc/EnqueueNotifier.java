package dev.jobs.store.jdbc;

import java.sql.SQLException;

/**
 * Tells other nodes of enqueued jobs, as the dialect's {@code EnqueueNotification} says:
 * in a statement of its own, or riding in the statement that inserts a lone job, whose
 * notifications are spaced out.
 */
interface EnqueueNotifier {

	/**
	 * The notifier where enqueues notify no other nodes: it sends nothing, and no insert
	 * notifies.
	 */
	EnqueueNotifier NONE = new EnqueueNotifier() {

		@Override
		public void notifyEnqueued(String queue) {
		}

		@Override
		public boolean notifyNow(String queue) {
			return false;
		}

		@Override
		public void heldBack(String queue) {
		}

		@Override
		public String notifyingInsert(String insert) {
			return insert;
		}

		@Override
		public void bindChannel(PositionalParameters parameters) {
		}

	};

	/**
	 * Tell other nodes, when the current transaction commits, that jobs of a queue were
	 * enqueued.
	 * @param queue the queue
	 */
	void notifyEnqueued(String queue);

	/**
	 * Whether the lone enqueue about to be stored, due at once, notifies in its own
	 * statement, a {@link #notifyingInsert(String) notifying insert}.
	 * @param queue the job's queue
	 * @return whether to notify now; if not, call {@link #heldBack(String)} once the
	 * enqueue committed; if so and the enqueue then fails, call it too
	 */
	boolean notifyNow(String queue);

	/**
	 * Make sure a notification of the queue follows a lone enqueue, due at once, that
	 * committed without one.
	 * @param queue the job's queue
	 */
	void heldBack(String queue);

	/**
	 * One statement that inserts a job and tells other nodes of it when it commits. Its
	 * last positional parameters are bound by {@link #bindChannel(PositionalParameters)}.
	 * @param insert the insert statement, with positional parameters
	 * @return the statement
	 */
	String notifyingInsert(String insert);

	/**
	 * Bind the parameters of a {@link #notifyingInsert(String) notifying insert} after
	 * the insert's own.
	 * @param parameters the statement's parameters
	 * @throws SQLException on a database error
	 */
	void bindChannel(PositionalParameters parameters) throws SQLException;

	/**
	 * The notifier of the dialect's {@code EnqueueNotification}.
	 * @param access the JDBC access
	 * @return the notifier, {@link #NONE} where enqueues notify no other nodes
	 */
	static EnqueueNotifier of(JdbcAccess access) {
		return switch (access.dialect().enqueueNotification()) {
			case PG_NOTIFY -> new PgNotifyEnqueueNotifier(access);
			case NONE -> NONE;
		};
	}

}
