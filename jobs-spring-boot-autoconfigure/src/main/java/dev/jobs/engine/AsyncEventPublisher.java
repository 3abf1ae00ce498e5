package dev.jobs.engine;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

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
 * <p>
 * The thread is woken by the first event after a quiet spell only: once it has published
 * what was queued it lingers for {@link #LINGER} and publishes what came meanwhile, so
 * that a stream of events (an enqueue loop, a burn-down) wakes it once per linger rather
 * than once per event, which on a small machine takes CPU from the database and the
 * workers.
 */
public class AsyncEventPublisher implements DisposableBean {

	/**
	 * How long the events thread waits for more events before it goes back to sleep.
	 */
	static final Duration LINGER = Duration.ofMillis(1);

	private static final Log logger = LogFactory.getLog(AsyncEventPublisher.class);

	private static final int QUEUE_CAPACITY = 10_000;

	private final ApplicationEventPublisher publisher;

	private final ThreadPoolExecutor executor;

	private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);

	private final AtomicBoolean draining = new AtomicBoolean();

	/**
	 * Create a publisher.
	 * @param publisher the application's event publisher
	 */
	public AsyncEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		CustomizableThreadFactory threads = new CustomizableThreadFactory("jobs-events-");
		threads.setDaemon(true);
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
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
		if (!this.queue.offer(event)) {
			publishNow(event);
			return;
		}
		if (this.draining.compareAndSet(false, true)) {
			try {
				this.executor.execute(this::drain);
			}
			catch (RuntimeException ex) {
				// shut down meanwhile
				this.draining.set(false);
				publishQueued();
			}
		}
	}

	private void drain() {
		while (true) {
			publishQueued();
			LockSupport.parkNanos(LINGER.toNanos());
			if (this.queue.isEmpty()) {
				this.draining.set(false);
				// an event queued before the flag was cleared found it set and woke no
				// one
				if (this.queue.isEmpty() || !this.draining.compareAndSet(false, true)) {
					return;
				}
			}
		}
	}

	private void publishQueued() {
		Object event;
		while ((event = this.queue.poll()) != null) {
			publishNow(event);
		}
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
