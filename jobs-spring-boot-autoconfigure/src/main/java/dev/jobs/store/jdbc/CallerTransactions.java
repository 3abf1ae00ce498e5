package dev.jobs.store.jdbc;

import javax.sql.DataSource;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells how a write made for a caller meets the transaction the caller is in.
 *
 * <p>
 * A transaction that holds a connection of the jobs' data source is joined by writing on
 * that connection, whichever transaction manager began it: Spring's JDBC manager, JPA's
 * or Hibernate's (both bind the JDBC connection they use), or another that binds one.
 * Beginning a transaction of our own there instead would commit the caller's half-done
 * work, since a JDBC transaction manager does not recognise another manager's transaction
 * on the same connection. Under JTA every transaction is joined: the connection the data
 * source hands out is enlisted in it.
 *
 * <p>
 * A transaction that holds no connection of the jobs' data source belongs to another data
 * source; nothing can commit the two atomically, so an enqueue made there is held until
 * that transaction commits.
 */
public final class CallerTransactions {

	private final DataSource dataSource;

	private final boolean jta;

	private CallerTransactions(DataSource dataSource, boolean jta) {
		this.dataSource = dataSource;
		this.jta = jta;
	}

	/**
	 * The caller transactions of a data source whose transactions are local to it.
	 * @param dataSource the jobs' data source
	 * @return the caller transactions
	 */
	public static CallerTransactions of(DataSource dataSource) {
		return new CallerTransactions(dataSource, false);
	}

	/**
	 * The caller transactions of a data source whose connections are enlisted in JTA
	 * transactions.
	 * @param dataSource the jobs' data source
	 * @return the caller transactions
	 */
	public static CallerTransactions jta(DataSource dataSource) {
		return new CallerTransactions(dataSource, true);
	}

	/**
	 * The transaction the current thread is in, as seen from the jobs' data source.
	 * @return what kind of transaction surrounds a write made now
	 */
	public Surrounding current() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			return Surrounding.NONE;
		}
		if (this.jta || TransactionSynchronizationManager.hasResource(this.dataSource)) {
			return Surrounding.JOINABLE;
		}
		return TransactionSynchronizationManager.isSynchronizationActive() ? Surrounding.ELSEWHERE : Surrounding.NONE;
	}

	/**
	 * What kind of transaction surrounds a write.
	 */
	public enum Surrounding {

		/**
		 * No transaction: the write takes one of its own.
		 */
		NONE,

		/**
		 * A transaction on the jobs' data source: the write joins it.
		 */
		JOINABLE,

		/**
		 * A transaction of another data source: an enqueue waits for its commit.
		 */
		ELSEWHERE

	}

}
