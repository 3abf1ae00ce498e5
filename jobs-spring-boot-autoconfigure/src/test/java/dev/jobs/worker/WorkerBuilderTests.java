package dev.jobs.worker;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.jobs.JobContext;
import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobLogLine;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Priority;
import dev.jobs.RecurringJobRequest;
import dev.jobs.RetryBackoff;
import dev.jobs.engine.DefaultJobs;
import dev.jobs.engine.JobDefaults;
import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.engine.JobSettingsResolver;
import dev.jobs.engine.JobsBuilder;
import dev.jobs.engine.NewJobFactory;
import dev.jobs.handler.JobHandlerMethodProcessor;
import dev.jobs.handler.JobHandlerRegistry;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.recurring.RecurringSettings;
import dev.jobs.store.JobStore;
import dev.jobs.store.NewJob;
import dev.jobs.store.jdbc.JdbcJobStores;
import dev.jobs.store.jdbc.JobsSchemaMigrator;
import dev.jobs.store.jdbc.SchemaVendor;
import dev.jobs.store.jdbc.TablePrefix;
import dev.jobs.testsupport.DatabaseContractTests;
import dev.jobs.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * An engine built with {@link WorkerBuilder} and {@link JobsBuilder} alone, without an
 * application context, on an in-memory H2 database: it runs what is enqueued, keeps the
 * lines its handlers log, fires recurring jobs, and tells its listeners.
 */
class WorkerBuilderTests extends DatabaseContractTests {

	private final Handlers handlers = new Handlers();

	private final List<String> enqueued = new CopyOnWriteArrayList<>();

	private final JobLifecycleListener listener = new JobLifecycleListener() {

		@Override
		public void jobEnqueued(NewJob job) {
			WorkerBuilderTests.this.enqueued.add(job.name());
		}

	};

	private JobStore store;

	private JobHandlerRegistry registry;

	private JobPayloadMapper payloadMapper;

	private JobSettingsResolver settingsResolver;

	private NewJobFactory factory;

	private PollingJobWorker worker;

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

	@BeforeEach
	void createEngine() {
		// one instance serves every test of the class
		this.handlers.greeted.clear();
		this.handlers.ticks.clear();
		this.enqueued.clear();
		SchemaVendor vendor = SchemaVendor.of(dataSource());
		TablePrefix prefix = new TablePrefix(schema().prefix());
		new JobsSchemaMigrator(dataSource(), vendor, prefix, JobsSchemaMigrator.Mode.MIGRATE).migrate();
		this.payloadMapper = new JobPayloadMapper(new JsonMapper(), 1024 * 1024);
		this.store = JdbcJobStores.create(dataSource(), vendor, prefix, this.payloadMapper);
		this.registry = new JobHandlerRegistry();
		new JobHandlerMethodProcessor(this.registry).postProcessAfterInitialization(this.handlers, "handlers");
		this.settingsResolver = new JobSettingsResolver(this.registry, new JobDefaults("default", Priority.NORMAL, 3,
				Duration.ofMinutes(1), RetryBackoff.fixed(Duration.ofMillis(100))), Map.of());
		this.factory = new NewJobFactory(this.settingsResolver, this.payloadMapper, this.registry, false);
	}

	@AfterEach
	void stopWorker() {
		if (this.worker != null) {
			this.worker.stop();
		}
	}

	@Test
	void builtEngineRunsAnEnqueuedJobKeepsItsLogLinesAndTellsTheListeners() {
		this.worker = worker().maxLogLines(10).build();
		DefaultJobs jobs = jobs();
		this.worker.start();

		JobId id = jobs.enqueue(JobRequest.of("greet", "Ada"));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(jobs.get(id))
				.hasValueSatisfying((job) -> assertThat(job.status()).isEqualTo(JobStatus.COMPLETED)));
		assertThat(this.handlers.greeted).containsExactly("Ada");
		assertThat(jobs.logs(id)).extracting(JobLogLine::message).containsExactly("greeting Ada");
		assertThat(this.enqueued).containsExactly("greet");
	}

	@Test
	void builtWorkerWithoutJobLogsKeepsNoLogLines() {
		this.worker = worker().build();
		DefaultJobs jobs = jobs();
		this.worker.start();

		JobId id = jobs.enqueue(JobRequest.of("greet", "Grace"));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(jobs.get(id))
				.hasValueSatisfying((job) -> assertThat(job.status()).isEqualTo(JobStatus.COMPLETED)));
		assertThat(jobs.logs(id)).isEmpty();
	}

	@Test
	void builtWorkerFiresTheOccurrencesOfRecurringJobs() {
		this.worker = worker()
			.recurring(this.factory, new RecurringSettings(ZoneOffset.UTC, null, 10, Duration.ofSeconds(5)))
			.build();
		DefaultJobs jobs = jobs();
		this.worker.start();

		jobs.schedule(RecurringJobRequest.interval("tick", "200ms"));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.handlers.ticks.size() >= 2);
		assertThat(this.enqueued).contains("tick");
	}

	@Test
	void workerIsNotBuiltWithoutItsSettings() {
		assertThatIllegalStateException()
			.isThrownBy(() -> PollingJobWorker.builder(this.store, this.registry)
				.settingsResolver(this.settingsResolver)
				.payloadMapper(this.payloadMapper)
				.build())
			.withMessageContaining("worker settings");
	}

	private WorkerBuilder worker() {
		return PollingJobWorker.builder(this.store, this.registry)
			.settings(new WorkerSettings("node-built", 2, Duration.ofMillis(100), Duration.ofSeconds(5),
					Duration.ofSeconds(1), Duration.ofSeconds(5), Map.of(),
					new GroupCommitSettings(10, Duration.ofMillis(5)), false))
			.settingsResolver(this.settingsResolver)
			.payloadMapper(this.payloadMapper)
			.listeners(List.of(this.listener))
			.autoStartup(false);
	}

	private DefaultJobs jobs() {
		PollingJobWorker local = this.worker;
		return DefaultJobs.builder(this.store, this.factory)
			.listeners(List.of(this.listener))
			.workerSignals(() -> local)
			.recurringSettings(new RecurringSettings(ZoneOffset.UTC, null, 10, Duration.ofSeconds(5)))
			.payloadMapper(this.payloadMapper)
			.build();
	}

	static class Handlers {

		final List<String> greeted = new CopyOnWriteArrayList<>();

		final List<String> ticks = new CopyOnWriteArrayList<>();

		@JobHandler("greet")
		public void greet(String name, JobContext context) {
			context.log().info("greeting {}", name);
			this.greeted.add(name);
		}

		@JobHandler("tick")
		public void tick(JobContext context) {
			this.ticks.add(context.jobId().toString());
		}

	}

}
