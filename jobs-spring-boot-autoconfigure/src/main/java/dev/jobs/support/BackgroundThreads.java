package dev.jobs.support;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The single daemon threads on which the engine and the store do their background work,
 * one task at a time: one that lasts as long as its executor, for work that runs all the
 * time, and one that exists only while there is work, ending a second after its last task
 * and started again by the next.
 */
public final class BackgroundThreads {

	private BackgroundThreads() {
	}

	/**
	 * The executor of a thread that lasts until it is shut down.
	 * @param prefix the thread's name, before a counter ({@code jobs-monitor-1})
	 * @return the executor
	 */
	public static ScheduledThreadPoolExecutor lasting(String prefix) {
		return executor(numbered(prefix));
	}

	/**
	 * The executor of a thread that exists only while there is work.
	 * @param prefix the thread's name, before a counter
	 * @return the executor
	 */
	public static ScheduledThreadPoolExecutor onDemand(String prefix) {
		return onDemand(numbered(prefix));
	}

	/**
	 * The executor of a thread that exists only while there is work, under a name of its
	 * own without a counter.
	 * @param name the thread's name
	 * @return the executor
	 */
	public static ScheduledThreadPoolExecutor onDemandNamed(String name) {
		return onDemand((task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	private static ScheduledThreadPoolExecutor onDemand(ThreadFactory threads) {
		ScheduledThreadPoolExecutor executor = executor(threads);
		executor.setKeepAliveTime(1, TimeUnit.SECONDS);
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	private static ScheduledThreadPoolExecutor executor(ThreadFactory threads) {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	private static ThreadFactory numbered(String prefix) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
		threads.setDaemon(true);
		return threads;
	}

}
