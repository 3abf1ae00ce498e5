package dev.jobs.store.jdbc;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * A single daemon thread for a store's occasional background work, which exists only
 * while there is work: it ends a second after its last task, and the next task starts a
 * new one.
 */
final class OnDemandThread {

	private OnDemandThread() {
	}

	/**
	 * Create the executor of such a thread.
	 * @param name the thread's name
	 * @return an executor that runs tasks, one at a time, on that thread
	 */
	static ScheduledThreadPoolExecutor named(String name) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(name);
		threads.setDaemon(true);
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
		executor.setKeepAliveTime(1, TimeUnit.SECONDS);
		executor.allowCoreThreadTimeOut(true);
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

}
