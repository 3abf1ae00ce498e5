package dev.jobs.engine;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import com.zaxxer.hikari.HikariDataSource;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.jobs.Backoff;
import dev.jobs.JobContext;
import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobLogLine;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.store.JobLogStore;
import dev.jobs.testsupport.DatabaseContractTests;
import dev.jobs.testsupport.TestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lines handlers log through {@link JobContext#log()}: kept with the job in order,
 * bounded by {@code jobs.history.max-log-lines}, outside the handler's own transaction,
 * stored while the handler runs without ever holding it up, and logged with the job's
 * MDC. Run on every supported database by the subclasses.
 */
abstract class JobLogsContractTests extends DatabaseContractTests {

	private static final int MAX_LINES = 5;

	private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

	private TestNode node;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Logger chattyLogger;

	private Level previousLevel;

	@BeforeEach
	void startNode() {
		this.node = TestNode.on(dataSource(), schema())
			.name("node-logs")
			.property("jobs.history.max-log-lines", MAX_LINES)
			.with(LoggingHandlers.class)
			.start();
		// after the start, which resets the logging configuration
		this.chattyLogger = (Logger) LoggerFactory.getLogger("dev.jobs.job.chatty");
		this.previousLevel = this.chattyLogger.getLevel();
		this.chattyLogger.setLevel(Level.INFO);
		this.appender.start();
		this.chattyLogger.addAppender(this.appender);
	}

	@AfterEach
	void stopNode() {
		this.node.close();
		this.chattyLogger.detachAppender(this.appender);
		this.chattyLogger.setLevel(this.previousLevel);
		this.appender.stop();
	}

	private Jobs jobs() {
		return this.node.jobs();
	}

	private JobId runToEnd(String name, Object payload, JobStatus status) {
		JobId id = jobs().enqueue(name, payload);
		await().atMost(Duration.ofSeconds(20)).until(() -> jobs().get(id).orElseThrow().status() == status);
		return id;
	}

	@Test
	void linesLoggedByAHandlerAreKeptWithTheJobInOrder() {
		JobId id = runToEnd("chatty", 3, JobStatus.COMPLETED);
		List<JobLogLine> lines = jobs().logs(id);
		assertThat(lines).extracting(JobLogLine::message).containsExactly("line 1 of 3", "line 2 of 3", "line 3 of 3");
		assertThat(lines).extracting(JobLogLine::level).containsOnly("INFO");
		assertThat(lines).extracting(JobLogLine::attempt).containsOnly(1);
		assertThat(lines).allSatisfy((line) -> assertThat(line.loggedAt()).isNotNull());
		assertThat(lines).noneMatch(JobLogLine::isDroppedMarker);
	}

	@Test
	void linesBeyondTheLimitAreDroppedAndCounted() {
		JobId id = runToEnd("chatty", 8, JobStatus.COMPLETED);
		List<JobLogLine> lines = jobs().logs(id);
		assertThat(lines).hasSize(MAX_LINES + 1);
		assertThat(lines.subList(0, MAX_LINES)).extracting(JobLogLine::message)
			.containsExactly("line 1 of 8", "line 2 of 8", "line 3 of 8", "line 4 of 8", "line 5 of 8");
		JobLogLine marker = lines.get(MAX_LINES);
		assertThat(marker.isDroppedMarker()).isTrue();
		assertThat(marker.level()).isEqualTo(JobLogLine.DROPPED);
		assertThat(marker.message()).startsWith("3 more lines of attempt 1 not kept")
			.contains("at most " + MAX_LINES + " log lines");
	}

	@Test
	void linesOfEveryAttemptAreKeptAndTheLimitHoldsPerJob() {
		JobId id = runToEnd("retried-logger", 3, JobStatus.COMPLETED);
		List<JobLogLine> lines = jobs().logs(id);
		// attempt 1 logs 3 lines and fails; attempt 2 finds 2 free lines and drops 1
		assertThat(lines).extracting(JobLogLine::attempt, JobLogLine::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "attempt 1 line 1"),
					org.assertj.core.groups.Tuple.tuple(1, "attempt 1 line 2"),
					org.assertj.core.groups.Tuple.tuple(1, "attempt 1 line 3"),
					org.assertj.core.groups.Tuple.tuple(2, "attempt 2 line 1"),
					org.assertj.core.groups.Tuple.tuple(2, "attempt 2 line 2"),
					org.assertj.core.groups.Tuple.tuple(2, "1 more line of attempt 2 not kept: a job keeps at most "
							+ MAX_LINES + " log lines (jobs.history.max-log-lines)"));
	}

	@Test
	void exceptionsAreSummarisedAndLongMessagesCut() {
		JobId id = runToEnd("formatter", "x".repeat(JobLogStore.MAX_MESSAGE_LENGTH + 500), JobStatus.COMPLETED);
		List<JobLogLine> lines = jobs().logs(id);
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0).level()).isEqualTo("WARN");
		assertThat(lines.get(0).message())
			.isEqualTo("failed to reach host-1 after 3 tries\njava.lang.IllegalStateException: unreachable"
					+ "\nCaused by: java.io.IOException: connection refused");
		assertThat(lines.get(1).level()).isEqualTo("ERROR");
		assertThat(lines.get(1).message()).isEqualTo("placeholders {} left alone when there are no arguments");
		assertThat(lines.get(2).message()).hasSize(JobLogStore.MAX_MESSAGE_LENGTH)
			.startsWith("long xxx")
			.endsWith("...");
	}

	@Test
	void aLineLoggedInsideARolledBackTransactionIsStillKept() {
		JobId id = runToEnd("transactional-logger", "ignored", JobStatus.COMPLETED);
		assertThat(jobs().logs(id)).extracting(JobLogLine::message).containsExactly("inside the transaction");
	}

	@Test
	void handlerLogLinesCarryTheJobsMdcInTheApplicationsLogging() {
		JobId id = runToEnd("chatty", 2, JobStatus.COMPLETED);
		List<ILoggingEvent> events = this.appender.list.stream()
			.filter((event) -> id.toString().equals(event.getMDCPropertyMap().get("jobId")))
			.toList();
		assertThat(events).extracting(ILoggingEvent::getFormattedMessage).containsExactly("line 1 of 2", "line 2 of 2");
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.getLoggerName()).isEqualTo("dev.jobs.job.chatty");
			assertThat(event.getMDCPropertyMap()).containsEntry("jobName", "chatty")
				.containsEntry("jobAttempt", "1")
				.containsEntry("jobQueue", "default");
		});
	}

	@Test
	void linesLoggedInsideAHandlersTransactionNeedNoSecondConnection() {
		// two connections: one that the heartbeat keeps for itself, and one that the
		// handler's transaction holds while it logs; the test reads through the other
		// node's pool
		try (HikariDataSource smallPool = database().createDataSource(dataSource().getJdbcUrl())) {
			smallPool.setMaximumPoolSize(2);
			smallPool.setConnectionTimeout(1000);
			try (TestNode small = TestNode.on(smallPool, schema())
				.name("node-logs-small-pool")
				// the schema is there; migrating it would take connections of its own
				.property("jobs.schema.mode", "none")
				// PostgreSQL's listener would keep a connection of its own
				.property("jobs.notifications.enabled", false)
				.with(TransactionalLoggingHandlers.class)
				.start()) {
				JobId id = jobs().enqueue("transactional-chatty", 3);
				await().atMost(Duration.ofSeconds(30))
					.until(() -> jobs().get(id).orElseThrow().status() == JobStatus.COMPLETED);
				assertThat(jobs().logs(id)).extracting(JobLogLine::message)
					.containsExactly("line 1 of 3 in the transaction", "line 2 of 3 in the transaction",
							"line 3 of 3 in the transaction");
			}
		}
	}

	@Test
	void linesAreStoredWhileTheHandlerStillRuns() throws InterruptedException {
		Handlers handlers = this.node.bean(Handlers.class);
		JobId id = jobs().enqueue("blocked-logger", "ignored");
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> !jobs().logs(id).isEmpty());
			assertThat(jobs().logs(id)).extracting(JobLogLine::message).containsExactly("before the latch");
			assertThat(handlers.blockedLoggerReturned).isFalse();
			assertThat(jobs().get(id).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
		}
		finally {
			handlers.releaseBlockedLogger.countDown();
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jobs().get(id).orElseThrow().status() == JobStatus.COMPLETED);
		assertThat(jobs().logs(id)).extracting(JobLogLine::message)
			.containsExactly("before the latch", "after the latch");
	}

	@Test
	void theLimitHoldsOverTheWritesWhileTheHandlerRuns() {
		Handlers handlers = this.node.bean(Handlers.class);
		JobId id = jobs().enqueue("paced-logger", 8);
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> jobs().logs(id).size() == 3);
		}
		finally {
			handlers.releaseBlockedLogger.countDown();
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jobs().get(id).orElseThrow().status() == JobStatus.COMPLETED);
		List<JobLogLine> lines = jobs().logs(id);
		assertThat(lines).extracting(JobLogLine::message)
			.containsExactly("line 1 of 8", "line 2 of 8", "line 3 of 8", "line 4 of 8", "line 5 of 8",
					"3 more lines of attempt 1 not kept: a job keeps at most " + MAX_LINES
							+ " log lines (jobs.history.max-log-lines)");
		assertThat(lines.get(MAX_LINES).isDroppedMarker()).isTrue();
	}

	@Test
	void loggingIsNotSlowedDownWhileTheWriterWaitsForAConnection() {
		// the handler's transaction holds the pool's last connection (the heartbeat keeps
		// the other for itself) while the log writer waits for one, up to the pool's
		// connection timeout
		try (HikariDataSource smallPool = database().createDataSource(dataSource().getJdbcUrl())) {
			smallPool.setMaximumPoolSize(2);
			smallPool.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
			PoolHoldingHandlers handlers = new PoolHoldingHandlers(smallPool);
			try (TestNode small = TestNode.on(smallPool, schema())
				.name("node-logs-exhausted-pool")
				.property("jobs.schema.mode", "none")
				.property("jobs.notifications.enabled", false)
				.property("jobs.history.max-log-lines", PoolHoldingHandlers.LINES + 1)
				.bean(handlers)
				.start()) {
				JobId id = jobs().enqueue("pool-holding-logger", "ignored");
				await().atMost(Duration.ofSeconds(60))
					.until(() -> jobs().get(id).orElseThrow().status() == JobStatus.COMPLETED);
				assertThat(handlers.writerWaitedForAConnection).isTrue();
				assertThat(Duration.ofNanos(handlers.loggingNanos)).isLessThan(CONNECTION_TIMEOUT.dividedBy(2));
				List<JobLogLine> lines = jobs().logs(id);
				assertThat(lines).hasSize(PoolHoldingHandlers.LINES + 1);
				assertThat(lines.get(0).message()).isEqualTo("holding the pool's last connection");
				for (int i = 1; i <= PoolHoldingHandlers.LINES; i++) {
					assertThat(lines.get(i).message()).isEqualTo("line " + i);
				}
			}
		}
	}

	@Test
	void linesThatCouldNotBeStoredStayBufferedForTheNextWrite() throws InterruptedException {
		// while the handler's transaction holds the pool's last connection, every write
		// of
		// the log writer times out
		try (HikariDataSource smallPool = database().createDataSource(dataSource().getJdbcUrl())) {
			smallPool.setMaximumPoolSize(2);
			smallPool.setConnectionTimeout(250);
			PoolHoldingHandlers handlers = new PoolHoldingHandlers(smallPool);
			try (TestNode small = TestNode.on(smallPool, schema())
				.name("node-logs-failing-writes")
				.property("jobs.schema.mode", "none")
				.property("jobs.notifications.enabled", false)
				.bean(handlers)
				.start()) {
				ListAppender<ILoggingEvent> writes = new ListAppender<>();
				Logger attemptLogLogger = (Logger) LoggerFactory.getLogger("dev.jobs.worker.AttemptLog");
				Level previous = attemptLogLogger.getLevel();
				attemptLogLogger.setLevel(Level.DEBUG);
				writes.start();
				attemptLogLogger.addAppender(writes);
				try {
					JobId id = jobs().enqueue("pool-holding-then-waiting-logger", "ignored");
					try {
						await().atMost(Duration.ofSeconds(20)).until(() -> jobs().logs(id).size() == 2);
						assertThat(jobs().logs(id)).extracting(JobLogLine::message)
							.containsExactly("inside the transaction", "after the transaction");
						assertThat(jobs().get(id).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
					}
					finally {
						handlers.release.countDown();
					}
					await().atMost(Duration.ofSeconds(20))
						.until(() -> jobs().get(id).orElseThrow().status() == JobStatus.COMPLETED);
					assertThat(jobs().logs(id)).extracting(JobLogLine::message)
						.containsExactly("inside the transaction", "after the transaction", "released");
					assertThat(writes.list).extracting(ILoggingEvent::getFormattedMessage)
						.anyMatch((message) -> message.startsWith("Could not store log lines of job " + id + " yet"));
					assertThat(writes.list).noneMatch((event) -> event.getLevel() == Level.WARN);
				}
				finally {
					attemptLogLogger.detachAppender(writes);
					attemptLogLogger.setLevel(previous);
					writes.stop();
				}
			}
		}
	}

	@Test
	void noLinesAreKeptForAJobThatLoggedNothing() {
		JobId id = runToEnd("chatty", 0, JobStatus.COMPLETED);
		assertThat(jobs().logs(id)).isEmpty();
	}

	@Configuration(proxyBeanMethods = false)
	static class LoggingHandlers {

		@Bean
		Handlers loggingHandlers(DataSource dataSource) {
			return new Handlers(dataSource);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TransactionalLoggingHandlers {

		@Bean
		TransactionalHandlers transactionalLoggingHandlers(DataSource dataSource) {
			return new TransactionalHandlers(dataSource);
		}

	}

	static class TransactionalHandlers {

		private final TransactionTemplate transactions;

		private final JdbcTemplate jdbc;

		TransactionalHandlers(DataSource dataSource) {
			this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
			this.jdbc = new JdbcTemplate(dataSource);
		}

		@JobHandler(value = "transactional-chatty", maxAttempts = 1)
		void transactionalChatty(int lines, JobContext context) {
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.queryForObject("SELECT 1", Integer.class);
				for (int i = 1; i <= lines; i++) {
					context.log().info("line {} of {} in the transaction", i, lines);
				}
			});
		}

	}

	static class PoolHoldingHandlers {

		static final int LINES = 1000;

		final CountDownLatch release = new CountDownLatch(1);

		private final TransactionTemplate transactions;

		private final JdbcTemplate jdbc;

		volatile boolean writerWaitedForAConnection;

		volatile long loggingNanos;

		PoolHoldingHandlers(DataSource pool) {
			this.transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
			this.jdbc = new JdbcTemplate(pool);
		}

		@JobHandler(value = "pool-holding-logger", maxAttempts = 1)
		void poolHoldingLogger(JobContext context) {
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.queryForObject("SELECT 1", Integer.class);
				context.log().info("holding the pool's last connection");
				try {
					await().atMost(Duration.ofSeconds(10))
						.pollInterval(Duration.ofMillis(20))
						.until(PoolHoldingHandlers::aLogWriterWaitsForAConnection);
					this.writerWaitedForAConnection = true;
				}
				catch (ConditionTimeoutException ex) {
					this.writerWaitedForAConnection = false;
				}
				long start = System.nanoTime();
				for (int i = 1; i <= LINES; i++) {
					context.log().info("line {}", i);
				}
				this.loggingNanos = System.nanoTime() - start;
			});
		}

		@JobHandler(value = "pool-holding-then-waiting-logger", maxAttempts = 1)
		void poolHoldingThenWaitingLogger(JobContext context) throws InterruptedException {
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.queryForObject("SELECT 1", Integer.class);
				context.log().info("inside the transaction");
				// several writes of the log writer time out meanwhile
				sleep(Duration.ofMillis(1500));
			});
			context.log().info("after the transaction");
			this.release.await(30, TimeUnit.SECONDS);
			context.log().info("released");
		}

		private static void sleep(Duration duration) {
			try {
				Thread.sleep(duration.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private static boolean aLogWriterWaitsForAConnection() {
			return Thread.getAllStackTraces()
				.entrySet()
				.stream()
				.anyMatch((thread) -> thread.getKey().getName().equals("jobs-log-writer")
						&& Arrays.stream(thread.getValue())
							.anyMatch((frame) -> frame.getClassName().equals("com.zaxxer.hikari.pool.HikariPool")
									&& frame.getMethodName().equals("getConnection")));
		}

	}

	static class Handlers {

		final CountDownLatch releaseBlockedLogger = new CountDownLatch(1);

		volatile boolean blockedLoggerReturned;

		private final TransactionTemplate transactions;

		Handlers(DataSource dataSource) {
			this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		}

		@JobHandler("chatty")
		void chatty(int lines, JobContext context) {
			for (int i = 1; i <= lines; i++) {
				context.log().info("line {} of {}", i, lines);
			}
		}

		@JobHandler(value = "retried-logger", maxAttempts = 2, backoff = @Backoff(delay = "50ms", jitter = 0))
		void retriedLogger(int lines, JobContext context) {
			for (int i = 1; i <= lines; i++) {
				context.log().info("attempt {} line {}", context.attempt(), i);
			}
			if (context.attempt() == 1) {
				throw new IllegalStateException("first attempt fails");
			}
		}

		@JobHandler("formatter")
		void formatter(String longText, JobContext context) {
			context.log()
				.warn("failed to reach {} after {} tries", "host-1", 3,
						new IllegalStateException("unreachable", new java.io.IOException("connection refused")));
			context.log().error("placeholders {} left alone when there are no arguments");
			context.log().info("long {}", longText);
		}

		@JobHandler(value = "blocked-logger", maxAttempts = 1)
		void blockedLogger(JobContext context) throws InterruptedException {
			context.log().info("before the latch");
			this.releaseBlockedLogger.await(30, TimeUnit.SECONDS);
			context.log().info("after the latch");
			this.blockedLoggerReturned = true;
		}

		@JobHandler(value = "paced-logger", maxAttempts = 1)
		void pacedLogger(int lines, JobContext context) throws InterruptedException {
			for (int i = 1; i <= lines; i++) {
				if (i == 4) {
					this.releaseBlockedLogger.await(30, TimeUnit.SECONDS);
				}
				context.log().info("line {} of {}", i, lines);
			}
		}

		@JobHandler("transactional-logger")
		void transactionalLogger(JobContext context) {
			this.transactions.executeWithoutResult((status) -> {
				context.log().info("inside the transaction");
				status.setRollbackOnly();
			});
		}

	}

}
