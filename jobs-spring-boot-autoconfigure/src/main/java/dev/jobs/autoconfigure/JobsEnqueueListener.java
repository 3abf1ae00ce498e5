package dev.jobs.autoconfigure;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

import dev.jobs.store.jdbc.SchemaVendor;
import dev.jobs.store.jdbc.TablePrefix;
import dev.jobs.store.jdbc.postgresql.PostgresEnqueueListener;
import dev.jobs.worker.PollingJobWorker;

/**
 * Starts and stops, with this node's worker, the {@link PostgresEnqueueListener} that
 * wakes the worker when another node enqueues jobs. It has one only on PostgreSQL; on
 * other databases the worker relies on local wake-ups and polling, and this does nothing.
 * It starts just after the worker and stops just before it.
 */
final class JobsEnqueueListener implements SmartLifecycle {

	private final @Nullable PostgresEnqueueListener listener;

	JobsEnqueueListener(DataSource dataSource, SchemaVendor vendor, TablePrefix tablePrefix,
			@Nullable PollingJobWorker worker) {
		this.listener = (vendor == SchemaVendor.POSTGRESQL && worker != null) ? new PostgresEnqueueListener(dataSource,
				tablePrefix.enqueueChannel(), (queue) -> worker.jobsEnqueued()) : null;
	}

	/**
	 * The listener.
	 * @return the listener, or {@code null} where the database cannot notify or no worker
	 * polls
	 */
	@Nullable PostgresEnqueueListener listener() {
		return this.listener;
	}

	@Override
	public void start() {
		if (this.listener != null) {
			this.listener.start();
		}
	}

	@Override
	public void stop() {
		if (this.listener != null) {
			this.listener.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.listener != null && this.listener.isRunning();
	}

	@Override
	public int getPhase() {
		// the worker's phase is DEFAULT_PHASE - 1024
		return DEFAULT_PHASE - 1023;
	}

}
