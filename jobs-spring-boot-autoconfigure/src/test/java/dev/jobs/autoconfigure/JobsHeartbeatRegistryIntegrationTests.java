package dev.jobs.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.jobs.JobId;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.store.JobStore;
import dev.jobs.store.NodeInfo;
import dev.jobs.store.NodeLease;
import dev.jobs.store.NodeRegistry;
import dev.jobs.store.RescuedJob;
import dev.jobs.store.jdbc.JdbcJobStores;
import dev.jobs.store.jdbc.JdbcNodeRegistry;
import dev.jobs.store.jdbc.SchemaVendor;
import dev.jobs.store.jdbc.TablePrefix;
import dev.jobs.testsupport.Recorder;
import dev.jobs.testsupport.TestHandlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Which registry the worker's heartbeats and rescues go through, in a real context on H2:
 * a job store bean of the application's carries them, and the starter's own store
 * heartbeats on the connection kept apart from the pool.
 */
class JobsHeartbeatRegistryIntegrationTests {

	private final DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
			"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceTransactionManagerAutoConfiguration.class,
				JacksonAutoConfiguration.class, JobsAutoConfiguration.class))
		.withBean(DataSource.class, () -> this.dataSource)
		.withBean(TestHandlers.class, () -> new TestHandlers(new Recorder(), "node"))
		.withPropertyValues("jobs.worker.poll-interval=100ms", "jobs.worker.shutdown-timeout=1s",
				"jobs.worker.heartbeat-interval=200ms", "jobs.worker.stale-after=2s");

	@Test
	void applicationsStoreCarriesTheHeartbeatsAndRescues() {
		CountingRegistry registry = new CountingRegistry(
				JdbcJobStores.create(this.dataSource, SchemaVendor.H2, TablePrefix.DEFAULT, mapper()).nodes());
		this.contextRunner.withBean(JobStore.class, () -> withNodes(registry)).run((context) -> {
			Jobs jobs = context.getBean(Jobs.class);
			JobId id = jobs.enqueue("noop", null);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> jobs.get(id).orElseThrow().status() == JobStatus.COMPLETED);
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(registry.heartbeats).hasValueGreaterThanOrEqualTo(3));
			assertThat(registry.rescues).hasPositiveValue();
		});
	}

	@Test
	void startersOwnStoreHeartbeatsOnTheConnectionKeptApart() {
		this.contextRunner.run((context) -> {
			JobStore store = context.getBean(JobStore.class);
			JobsHeartbeatConnection connection = context.getBean(JobsHeartbeatConnection.class);
			NodeRegistry heartbeats = context.getBean(JobsHeartbeatRegistry.class).registry();
			assertThat(heartbeats).isNotSameAs(store.nodes()).isInstanceOf(JdbcNodeRegistry.class);
			assertThat(((JdbcNodeRegistry) heartbeats).worksOn(connection.dataSource())).isTrue();
			assertThat(((JdbcNodeRegistry) store.nodes()).worksOn(this.dataSource)).isTrue();
		});
	}

	private JobStore withNodes(NodeRegistry nodes) {
		JobStore store = JdbcJobStores.create(this.dataSource, SchemaVendor.H2, TablePrefix.DEFAULT, mapper());
		return new JobStore(store.writer(), store.claimer(), store.attempts(), nodes, store.queries(),
				store.recurring(), store.logs(), store.history(), store.queues());
	}

	private static JobPayloadMapper mapper() {
		return new JobPayloadMapper(new JsonMapper(), 1024 * 1024);
	}

	/**
	 * A registry that counts the heartbeats and rescues it is asked for, and passes
	 * everything to the JDBC registry.
	 */
	private static final class CountingRegistry implements NodeRegistry {

		private final NodeRegistry delegate;

		private final AtomicInteger heartbeats = new AtomicInteger();

		private final AtomicInteger rescues = new AtomicInteger();

		CountingRegistry(NodeRegistry delegate) {
			this.delegate = delegate;
		}

		@Override
		public Optional<NodeInfo> register(NodeLease lease) {
			return this.delegate.register(lease);
		}

		@Override
		public boolean heartbeat(NodeLease lease) {
			this.heartbeats.incrementAndGet();
			return this.delegate.heartbeat(lease);
		}

		@Override
		public void unregister(NodeLease lease) {
			this.delegate.unregister(lease);
		}

		@Override
		public Set<String> liveHandlers(Duration staleAfter) {
			return this.delegate.liveHandlers(staleAfter);
		}

		@Override
		public SortedMap<String, Long> unhandledJobs(Duration staleAfter) {
			return this.delegate.unhandledJobs(staleAfter);
		}

		@Override
		public List<RescuedJob> rescueStaleNodes(Duration staleAfter) {
			this.rescues.incrementAndGet();
			return this.delegate.rescueStaleNodes(staleAfter);
		}

		@Override
		public List<NodeInfo> nodes() {
			return this.delegate.nodes();
		}

		@Override
		public List<JobId> cancelRequested(String node) {
			return this.delegate.cancelRequested(node);
		}

		@Override
		public Instant databaseTime() {
			return this.delegate.databaseTime();
		}

		@Override
		public boolean requestWorkers(String node, boolean run) {
			return this.delegate.requestWorkers(node, run);
		}

		@Override
		public boolean workerWanted(String node) {
			return this.delegate.workerWanted(node);
		}

	}

}
