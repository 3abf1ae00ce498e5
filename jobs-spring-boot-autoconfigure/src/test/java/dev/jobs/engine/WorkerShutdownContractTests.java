package dev.jobs.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.context.SmartLifecycle;

import dev.jobs.JobContext;
import dev.jobs.JobExecution;
import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.testsupport.DatabaseContractTests;
import dev.jobs.testsupport.TestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker's graceful stop when its application context closes, with a real clock: it
 * hands a running job back within {@code shutdown-timeout}, and it runs at the same time
 * as the other members of its lifecycle phase, the phase of the web server's graceful
 * shutdown, rather than before them. Run on every supported database by the subclasses.
 */
abstract class WorkerShutdownContractTests extends DatabaseContractTests {

	// WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE, whose module this one
	// does not depend on
	private static final int WEB_SERVER_GRACEFUL_SHUTDOWN_PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

	@Test
	void closingTheContextHandsARunningJobBackWithinTheShutdownTimeout() throws InterruptedException {
		BlockingHandler handler = new BlockingHandler();
		TestNode node = node(handler).start();
		JobId id = startBlockingJob(node);
		long started = System.nanoTime();
		node.close();
		Duration closing = Duration.ofNanos(System.nanoTime() - started);
		assertThat(closing).isGreaterThanOrEqualTo(SHUTDOWN_TIMEOUT).isLessThan(SHUTDOWN_TIMEOUT.plusSeconds(15));
		assertThat(handler.interrupted.await(10, TimeUnit.SECONDS)).as("the handler was interrupted").isTrue();
		try (TestNode reader = TestNode.on(dataSource(), schema()).property("jobs.worker.enabled", false).start()) {
			assertThat(reader.jobs().get(id).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
			assertThat(reader.jobs().history(id)).extracting(JobExecution::outcome)
				.containsExactly(JobExecution.Outcome.INTERRUPTED);
		}
	}

	@Test
	void theWorkersStopAndTheWebServersGracefulShutdownProceedAtOnce() throws InterruptedException {
		BlockingHandler handler = new BlockingHandler();
		GracefulShutdownLifecycle webServer = new GracefulShutdownLifecycle(handler);
		TestNode node = node(handler).singleton("webServerGracefulShutdown", webServer).start();
		startBlockingJob(node);
		node.close();
		assertThat(webServer.stopsSeen).as("stop(Runnable) calls of the web-server-phase lifecycle").hasSize(1);
		assertThat(webServer.stopsSeen.get(0))
			.as("whether the worker still waited for its running job when the web server's shutdown began")
			.isTrue();
		assertThat(handler.interrupted.await(10, TimeUnit.SECONDS)).as("the handler was interrupted").isTrue();
	}

	private TestNode.Builder node(BlockingHandler handler) {
		return TestNode.on(dataSource(), schema())
			.name("node-shutdown")
			.property("jobs.worker.shutdown-timeout", SHUTDOWN_TIMEOUT.toMillis() + "ms")
			.bean(handler);
	}

	private static JobId startBlockingJob(TestNode node) {
		Jobs jobs = node.jobs();
		JobId id = jobs.enqueue("blocking", null);
		await().atMost(Duration.ofSeconds(20)).until(() -> jobs.get(id).orElseThrow().status() == JobStatus.RUNNING);
		return id;
	}

	static class BlockingHandler {

		final CountDownLatch interrupted = new CountDownLatch(1);

		@JobHandler("blocking")
		void block(JobContext context) {
			try {
				Thread.sleep(Duration.ofMinutes(5).toMillis());
			}
			catch (InterruptedException ex) {
				this.interrupted.countDown();
				Thread.currentThread().interrupt();
			}
		}

	}

	/**
	 * Stands for Boot's {@code WebServerGracefulShutdownLifecycle}: in the same phase, it
	 * notes whether the worker's running job was still waiting when its stop began, and
	 * takes a moment to drain, as a web server does.
	 */
	static final class GracefulShutdownLifecycle implements SmartLifecycle {

		private final BlockingHandler handler;

		final List<Boolean> stopsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();

		private volatile boolean running;

		GracefulShutdownLifecycle(BlockingHandler handler) {
			this.handler = handler;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			throw new UnsupportedOperationException("Stop must not be called directly");
		}

		@Override
		public void stop(Runnable callback) {
			this.stopsSeen.add(this.handler.interrupted.getCount() > 0);
			this.running = false;
			Thread drain = new Thread(() -> {
				try {
					this.handler.interrupted.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					callback.run();
				}
			}, "test-graceful-shutdown");
			drain.start();
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return WEB_SERVER_GRACEFUL_SHUTDOWN_PHASE;
		}

	}

}
