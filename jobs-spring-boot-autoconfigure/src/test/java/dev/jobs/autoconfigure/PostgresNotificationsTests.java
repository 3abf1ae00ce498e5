package dev.jobs.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.store.jdbc.postgresql.PostgresEnqueueListener;
import dev.jobs.testsupport.NodesContractTests;
import dev.jobs.testsupport.TestDatabase;
import dev.jobs.testsupport.TestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Enqueue notifications on a real PostgreSQL: an enqueue on one node wakes the worker of
 * another through LISTEN/NOTIFY long before its poll interval, a rolled back enqueue
 * notifies nobody, a stream of single enqueues has its notifications spaced out without
 * leaving a job unannounced, and when the listening connection is dropped, polling still
 * runs the jobs until the listener reconnects and pickups are fast again.
 */
class PostgresNotificationsTests extends NodesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

	@Test
	void enqueueOnOneNodeWakesTheWorkerOfAnotherLongBeforeItsPollInterval() {
		TestNode enqueuer = node("node-a", "jobs.worker.enabled", false);
		assertThat(enqueuer.context().getBeansOfType(JobsEnqueueListener.class)).isEmpty();
		TestNode worker = node("node-b", "jobs.worker.poll-interval", "10s");
		PostgresEnqueueListener listener = awaitListening(worker);
		assertThat(listener.channel()).isEqualTo(schema().prefix() + "job_enqueued");
		for (int i = 0; i < 3; i++) {
			JobId id = enqueuer.jobs().enqueue("noop", null);
			awaitRun(id, Duration.ofSeconds(3));
		}
	}

	@Test
	void notifiesOnCommitOncePerQueueOfJobsDueNowAndNeverForARolledBackEnqueue() throws Exception {
		TestNode enqueuer = node("node-a", "jobs.worker.enabled", false);
		try (ChannelProbe probe = new ChannelProbe(dataSource(), schema().prefix() + "job_enqueued")) {
			TransactionTemplate transaction = new TransactionTemplate(
					new DataSourceTransactionManager(enqueuer.bean(DataSource.class)));
			transaction.executeWithoutResult((status) -> {
				enqueuer.jobs().enqueue(JobRequest.of("noop").queue("rolled-back"));
				status.setRollbackOnly();
			});
			transaction.executeWithoutResult((status) -> {
				enqueuer.jobs().enqueue(JobRequest.of("noop").queue("committed"));
				// not delivered before the commit
				assertThat(probe.received(Duration.ofMillis(300))).isEmpty();
			});
			assertThat(probe.received(Duration.ofSeconds(1))).containsExactly("committed");
			enqueuer.jobs()
				.enqueueAll(List.of(JobRequest.of("noop").queue("one"), JobRequest.of("noop").queue("two"),
						JobRequest.of("noop").queue("one"),
						JobRequest.of("noop").queue("later").delay(Duration.ofHours(1))));
			assertThat(probe.received(Duration.ofSeconds(1))).containsExactlyInAnyOrder("one", "two");
			enqueuer.jobs().enqueue(JobRequest.of("noop").queue("unique").uniqueKey("k"));
			assertThat(probe.received(Duration.ofSeconds(1))).containsExactly("unique");
			// the key is held, so nothing is stored and nobody is woken
			enqueuer.jobs().enqueue(JobRequest.of("noop").queue("unique").uniqueKey("k"));
			assertThat(probe.received(Duration.ofSeconds(1))).isEmpty();
		}
	}

	@Test
	void streamOfSingleEnqueuesSendsFewerNotificationsYetWakesTheOtherNodeForEveryJob() throws Exception {
		TestNode enqueuer = node("node-a", "jobs.worker.enabled", false);
		TestNode worker = node("node-b", "jobs.worker.poll-interval", "1m");
		awaitListening(worker);
		try (ChannelProbe probe = new ChannelProbe(dataSource(), schema().prefix() + "job_enqueued")) {
			List<JobId> ids = new ArrayList<>();
			for (int i = 0; i < 300; i++) {
				ids.add(enqueuer.jobs().enqueue("noop", null));
			}
			// the worker polls once a minute: only notifications wake it in time
			for (JobId id : ids) {
				awaitRun(id, Duration.ofSeconds(10));
			}
			assertThat(probe.received(Duration.ofMillis(500))).isNotEmpty().hasSizeLessThan(ids.size());
		}
	}

	@Test
	void listenConnectionDroppedAndRestoredFallsBackToPollingThenRecovers() {
		CuttableDataSource workerDataSource = new CuttableDataSource(dataSource());
		TestNode enqueuer = node("node-a", "jobs.worker.enabled", false);
		TestNode worker = node(workerDataSource, "node-b", new Class<?>[0], "jobs.worker.poll-interval", "5s");
		PostgresEnqueueListener listener = awaitListening(worker);
		awaitRun(enqueuer.jobs().enqueue("noop", null), Duration.ofMillis(1500));
		Integer pid = listener.backendPid();
		assertThat(pid).isNotNull();

		// the listener's connection is dropped and cannot be taken again for a while
		workerDataSource.cutOffListener(true);
		new JdbcTemplate(dataSource()).queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, pid);
		await().atMost(Duration.ofSeconds(5)).until(() -> !listener.isListening());
		JobId whileDeaf = enqueuer.jobs().enqueue("noop", null);
		awaitRun(whileDeaf, Duration.ofSeconds(15));
		assertThat(listener.isListening()).as("picked up by polling while not listening").isFalse();

		workerDataSource.cutOffListener(false);
		await().atMost(Duration.ofSeconds(15)).until(listener::isListening);
		assertThat(listener.backendPid()).isNotNull().isNotEqualTo(pid);
		for (int i = 0; i < 5; i++) {
			awaitRun(enqueuer.jobs().enqueue("noop", null), Duration.ofMillis(1500));
		}
	}

	@Test
	void disabledNotificationsNeitherNotifyNorListen() throws Exception {
		TestNode enqueuer = node("node-a", "jobs.worker.enabled", false, "jobs.notifications.enabled", false);
		TestNode worker = node("node-b", "jobs.notifications.enabled", false, "jobs.worker.poll-interval", "500ms");
		assertThat(worker.context().getBeansOfType(JobsEnqueueListener.class)).isEmpty();
		try (ChannelProbe probe = new ChannelProbe(dataSource(), schema().prefix() + "job_enqueued")) {
			JobId id = enqueuer.jobs().enqueue("noop", null);
			assertThat(probe.received(Duration.ofSeconds(1))).isEmpty();
			awaitRun(id, Duration.ofSeconds(10));
		}
	}

	private static PostgresEnqueueListener awaitListening(TestNode node) {
		PostgresEnqueueListener listener = node.bean(JobsEnqueueListener.class).listener();
		assertThat(listener).isNotNull();
		await().atMost(Duration.ofSeconds(10)).until(listener::isListening);
		return listener;
	}

	private void awaitRun(JobId id, Duration atMost) {
		await().atMost(atMost)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(10))
			.until(() -> recorder().runs(id) == 1);
	}

	/**
	 * A connection of the test's own that listens on a channel.
	 */
	private static final class ChannelProbe implements AutoCloseable {

		private final Connection connection;

		ChannelProbe(DataSource dataSource, String channel) throws SQLException {
			this.connection = dataSource.getConnection();
			try (Statement statement = this.connection.createStatement()) {
				statement.execute("LISTEN \"" + channel + "\"");
			}
		}

		List<String> received(Duration within) {
			List<String> payloads = new ArrayList<>();
			long deadline = System.nanoTime() + within.toNanos();
			long left;
			try {
				while ((left = deadline - System.nanoTime()) > 0) {
					PGNotification[] notifications = this.connection.unwrap(PGConnection.class)
						.getNotifications((int) Math.max(1, Duration.ofNanos(left).toMillis()));
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							payloads.add(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			return payloads;
		}

		@Override
		public void close() throws SQLException {
			try (Statement statement = this.connection.createStatement()) {
				statement.execute("UNLISTEN *");
			}
			this.connection.close();
		}

	}

	/**
	 * The worker node's data source, which the test can make refuse connections to the
	 * listener's thread only, as if the database could not be reached from it, while the
	 * worker's polls go on.
	 */
	private static final class CuttableDataSource extends DelegatingDataSource {

		private volatile boolean listenerCutOff;

		CuttableDataSource(DataSource target) {
			super(target);
		}

		void cutOffListener(boolean cutOff) {
			this.listenerCutOff = cutOff;
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.listenerCutOff && Thread.currentThread().getName().equals("jobs-listener")) {
				throw new SQLException("The test cut the listener off the database");
			}
			return super.getConnection();
		}

	}

}
