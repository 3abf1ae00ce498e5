package dev.jobs.store.jdbc;

import javax.sql.DataSource;

import dev.jobs.Job;
import dev.jobs.store.JobStore;
import dev.jobs.store.NodeRegistry;
import dev.jobs.store.StoreRetryListener;
import dev.jobs.store.jdbc.dialect.JobStoreDialect;

/**
 * Builds the JDBC implementations of every storage role over one data source.
 */
public final class JdbcJobStores {

	private JdbcJobStores() {
	}

	/**
	 * The JDBC job store of a data source.
	 * @param dataSource the jobs data source
	 * @param vendor its vendor
	 * @param tables the table names
	 * @param jsonReader reads stored JSON for job snapshots
	 * @return the store
	 */
	public static JobStore create(DataSource dataSource, SchemaVendor vendor, TablePrefix tables,
			Job.JsonReader jsonReader) {
		return create(dataSource, vendor.dialect(), tables, jsonReader);
	}

	/**
	 * The JDBC job store of a data source, with a given dialect.
	 * @param dataSource the jobs data source
	 * @param dialect the SQL dialect of its database
	 * @param tables the table names
	 * @param jsonReader reads stored JSON for job snapshots
	 * @return the store
	 */
	public static JobStore create(DataSource dataSource, JobStoreDialect dialect, TablePrefix tables,
			Job.JsonReader jsonReader) {
		return create(dataSource, dialect, tables, jsonReader, true);
	}

	/**
	 * The JDBC job store of a data source, with a given dialect, that notifies other
	 * nodes of enqueued jobs or not.
	 * @param dataSource the jobs data source
	 * @param dialect the SQL dialect of its database
	 * @param tables the table names
	 * @param jsonReader reads stored JSON for job snapshots
	 * @param notifyEnqueues whether enqueues notify other nodes, where the database can
	 * (PostgreSQL {@code NOTIFY})
	 * @return the store
	 */
	public static JobStore create(DataSource dataSource, JobStoreDialect dialect, TablePrefix tables,
			Job.JsonReader jsonReader, boolean notifyEnqueues) {
		return create(dataSource, dialect, tables, jsonReader, notifyEnqueues, StoreRetryListener.NONE);
	}

	/**
	 * The JDBC job store of a data source, with a given dialect, that notifies other
	 * nodes of enqueued jobs or not, and reports the work it retries.
	 * @param dataSource the jobs data source
	 * @param dialect the SQL dialect of its database
	 * @param tables the table names
	 * @param jsonReader reads stored JSON for job snapshots
	 * @param notifyEnqueues whether enqueues notify other nodes, where the database can
	 * (PostgreSQL {@code NOTIFY})
	 * @param retries hears of work retried after a lock failure
	 * @return the store
	 */
	public static JobStore create(DataSource dataSource, JobStoreDialect dialect, TablePrefix tables,
			Job.JsonReader jsonReader, boolean notifyEnqueues, StoreRetryListener retries) {
		return create(dataSource, CallerTransactions.of(dataSource), dialect, tables, jsonReader, notifyEnqueues,
				retries);
	}

	/**
	 * The JDBC job store of a data source, with a given dialect and way of meeting the
	 * callers' transactions, that notifies other nodes of enqueued jobs or not, and
	 * reports the work it retries.
	 * @param dataSource the jobs data source
	 * @param callerTransactions how writes made for a caller meet its transaction
	 * @param dialect the SQL dialect of its database
	 * @param tables the table names
	 * @param jsonReader reads stored JSON for job snapshots
	 * @param notifyEnqueues whether enqueues notify other nodes, where the database can
	 * (PostgreSQL {@code NOTIFY})
	 * @param retries hears of work retried after a lock failure
	 * @return the store
	 */
	public static JobStore create(DataSource dataSource, CallerTransactions callerTransactions, JobStoreDialect dialect,
			TablePrefix tables, Job.JsonReader jsonReader, boolean notifyEnqueues, StoreRetryListener retries) {
		JdbcAccess access = JdbcAccess.of(dataSource, callerTransactions, dialect, tables).withRetries(retries);
		return new JobStore(new JdbcJobWriter(access, notifyEnqueues), new JdbcJobClaimer(access),
				new JdbcAttemptRecorder(access), new JdbcNodeRegistry(access), new JdbcJobQueries(access, jsonReader),
				new JdbcRecurringJobStore(access), new JdbcJobLogStore(access), new JdbcJobHistoryStore(access),
				new JdbcQueueStore(access));
	}

	/**
	 * The JDBC node registry of a data source, as the stores built here have it: for the
	 * heartbeats and rescues of a node on a connection kept apart from the pool.
	 * @param dataSource the data source, to the jobs' database
	 * @param dialect the SQL dialect of its database
	 * @param tables the table names
	 * @param retries hears of work retried after a lock failure
	 * @return the registry
	 */
	public static NodeRegistry nodes(DataSource dataSource, JobStoreDialect dialect, TablePrefix tables,
			StoreRetryListener retries) {
		return new JdbcNodeRegistry(JdbcAccess.of(dataSource, dialect, tables).withRetries(retries));
	}

}
