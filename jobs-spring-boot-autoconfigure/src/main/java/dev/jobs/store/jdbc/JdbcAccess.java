package dev.jobs.store.jdbc;

import java.util.Objects;

import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.jobs.store.StoreRetryListener;
import dev.jobs.store.jdbc.dialect.JobStoreDialect;

/**
 * What every JDBC store role shares: the data source's clients, a transaction template of
 * its own, how the caller's transactions are met, the dialect, the table names, and who
 * hears of retried work.
 *
 * @param jdbc the JDBC client
 * @param named the named-parameter template, for batches
 * @param transactions the transaction template for transactions of the store's own
 * @param callerTransactions how writes made for a caller meet its transaction
 * @param dialect the dialect
 * @param tables the table names
 * @param retries hears of work retried after a lock failure
 */
public record JdbcAccess(JdbcClient jdbc, NamedParameterJdbcTemplate named, TransactionTemplate transactions,
		CallerTransactions callerTransactions, JobStoreDialect dialect, TablePrefix tables,
		StoreRetryListener retries) {

	/**
	 * Create the access to a data source.
	 * @param dataSource the jobs data source
	 * @param dialect its dialect
	 * @param tables the table names
	 * @return the access
	 */
	public static JdbcAccess of(DataSource dataSource, JobStoreDialect dialect, TablePrefix tables) {
		return of(dataSource, CallerTransactions.of(dataSource), dialect, tables);
	}

	/**
	 * Create the access to a data source.
	 * @param dataSource the jobs data source
	 * @param callerTransactions how writes made for a caller meet its transaction
	 * @param dialect its dialect
	 * @param tables the table names
	 * @return the access
	 */
	public static JdbcAccess of(DataSource dataSource, CallerTransactions callerTransactions, JobStoreDialect dialect,
			TablePrefix tables) {
		NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(dataSource);
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		return new JdbcAccess(JdbcClient.create(named), named, transactions, callerTransactions, dialect, tables,
				StoreRetryListener.NONE);
	}

	/**
	 * The data source this access works on.
	 * @return the data source
	 */
	public DataSource dataSource() {
		return Objects.requireNonNull(this.named.getJdbcTemplate().getDataSource(), "no data source");
	}

	/**
	 * The same access, reporting retried work to a listener.
	 * @param retries the listener
	 * @return the access
	 */
	public JdbcAccess withRetries(StoreRetryListener retries) {
		return new JdbcAccess(this.jdbc, this.named, this.transactions, this.callerTransactions, this.dialect,
				this.tables, retries);
	}

	/**
	 * Run work in the caller's transaction on the jobs' data source when there is one,
	 * else in a transaction of its own, again if a deadlock or lock wait time-out ended
	 * it.
	 * @param <T> the result type
	 * @param work the work
	 * @return its result
	 */
	public <T> T inTransaction(Supplier<T> work) {
		if (this.callerTransactions.current() == CallerTransactions.Surrounding.JOINABLE) {
			return work.get();
		}
		return inOwnTransaction(work);
	}

	/**
	 * Run work in a transaction of its own, beside any transaction of the caller's, again
	 * if a deadlock or lock wait time-out ended it.
	 * @param <T> the result type
	 * @param work the work
	 * @return its result
	 */
	public <T> T inOwnTransaction(Supplier<T> work) {
		return LockFailureRetry.retrying(() -> this.transactions.execute((status) -> work.get()), this.retries);
	}

}
