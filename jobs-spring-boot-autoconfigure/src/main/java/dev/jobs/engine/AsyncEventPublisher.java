package dev.jobs.engine;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Publishes application events on a thread of its own ({@code jobs-events}), in order, so
 * that slow listeners do not hold up workers and a listener that throws does not fail a
 * job. When its bounded queue is full the caller publishes, which slows the producer
 * rather than dropping events.
 */
public class AsyncEventPublisher implements DisposableBean {

	private static final Log logger = LogFactory.getLog(AsyncEventPublisher.class);

	private static final int QUEUE_CAPACITY = 10_000;

	private final ApplicationEventPublisher publisher;

	private final ThreadPoolExecutor executor;

	/**
	 * Create a publisher.
	 * @param publisher the application's event publisher
	 */
	public AsyncEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		CustomizableThreadFactory threads = new CustomizableThreadFactory("jobs-events-");
		threads.setDaemon(true);
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new LinkedBlockingQueue<>(QUEUE_CAPACITY), threads, new ThreadPoolExecutor.CallerRunsPolicy());
	}

	/**
	 * Publish an event soon, on the events thread.
	 * @param event the event
	 */
	public void publish(Object event) {
		if (this.executor.isShutdown()) {
			publishNow(event);
			return;
		}
		this.executor.execute(() -> publishNow(event));
	}

	private void publishNow(Object event) {
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			logger.warn("A listener of " + event.getClass().getSimpleName() + " failed; the job is not affected", ex);
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdown();
		if (!this.executor.awaitTermination(5, TimeUnit.SECONDS)) {
			logger.warn("Jobs events were still being published at shutdown; the rest are dropped");
			this.executor.shutdownNow();
		}
	}

}
