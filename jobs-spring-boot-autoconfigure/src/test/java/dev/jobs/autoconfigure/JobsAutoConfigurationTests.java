package dev.jobs.autoconfigure;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.asm.ClassWriter;
import org.springframework.asm.Opcodes;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.jobs.Backoff;
import dev.jobs.Job;
import dev.jobs.JobHandler;
import dev.jobs.JobChanges;
import dev.jobs.JobId;
import dev.jobs.JobStatus;
import dev.jobs.JobWorker;
import dev.jobs.Jobs;
import dev.jobs.engine.DefaultJobs;
import dev.jobs.engine.JobSettingsResolver;
import dev.jobs.handler.JobHandlerDefinitionException;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.store.EnqueueResult;
import dev.jobs.store.JobStore;
import dev.jobs.store.JobWriter;
import dev.jobs.store.NewJob;
import dev.jobs.store.jdbc.JdbcJobStores;
import dev.jobs.store.jdbc.JobsSchemaMigrator;
import dev.jobs.store.jdbc.SchemaVendor;
import dev.jobs.store.jdbc.TablePrefix;
import dev.jobs.testsupport.SchemaHistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link JobsAutoConfiguration}, each on an in-memory H2 database of its own.
 */
class JobsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
				JobsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "jobs.worker.poll-interval=100ms",
				"jobs.worker.shutdown-timeout=1s");

	@Test
	void isRegisteredAsAnAutoConfigurationWithItsFailureAnalyzer() {
		ClassLoader classLoader = getClass().getClassLoader();
		assertThat(ImportCandidates.load(AutoConfiguration.class, classLoader).getCandidates())
			.contains(JobsAutoConfiguration.class.getName());
		// other analyzers need a bean factory to be created; only ours matters here
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(classLoader)
			.load(FailureAnalyzer.class, null, (factoryType, factoryName, failure) -> {
			})).hasAtLeastOneElementOfType(JobHandlerDefinitionFailureAnalyzer.class);
	}

	@Test
	void createsJobsAndARunningWorkerByDefault() {
		this.contextRunner.withUserConfiguration(GreetingHandlerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(DataSource.class)
				.hasSingleBean(Jobs.class)
				.hasSingleBean(JobWorker.class)
				.hasSingleBean(JobStore.class)
				.hasSingleBean(JobPayloadMapper.class)
				.hasSingleBean(JobsSchemaMigrator.class);
			assertThat(context.getBean(JobWorker.class).isRunning()).isTrue();
			assertThat(SchemaHistory.tables(context.getBean(DataSource.class), "jobs_")).contains("jobs_job",
					"jobs_job_execution", "jobs_node", "jobs_schema_history");
			Jobs jobs = context.getBean(Jobs.class);
			JobId id = jobs.enqueue("greet", new Greeting("Ada"));
			Job job = awaitStatus(jobs, id, JobStatus.COMPLETED);
			assertThat(job.result(Greeting.class)).isEqualTo(new Greeting("Hello, Ada"));
		});
	}

	@Test
	void keepsItsJobsInAnEmbeddedDatabaseWhenTheApplicationConfiguresNone() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
					JobsAutoConfiguration.class))
			.withPropertyValues("jobs.worker.poll-interval=100ms")
			.withUserConfiguration(GreetingHandlerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(DataSource.class);
				assertThat(SchemaVendor.of(context.getBean(DataSource.class))).isEqualTo(SchemaVendor.H2);
				Jobs jobs = context.getBean(Jobs.class);
				awaitStatus(jobs, jobs.enqueue("greet", new Greeting("Ada")), JobStatus.COMPLETED);
			});
	}

	@Test
	void usesThePrimaryDataSourceWhenThereAreSeveral() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
					JobsAutoConfiguration.class))
			.withUserConfiguration(TwoDataSourcesConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(Jobs.class);
				assertThat(SchemaHistory.tables(context.getBean("primaryDataSource", DataSource.class), "jobs_"))
					.contains("jobs_job");
				assertThat(SchemaHistory.tables(context.getBean("otherDataSource", DataSource.class), "jobs_"))
					.isEmpty();
			});
	}

	@Test
	void backsOffWhenJobsDisabled() {
		this.contextRunner.withUserConfiguration(GreetingHandlerConfiguration.class)
			.withPropertyValues("jobs.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(Jobs.class)
					.doesNotHaveBean(JobWorker.class)
					.doesNotHaveBean(JobsSchemaMigrator.class)
					.doesNotHaveBean(JobsProperties.class);
				assertThat(SchemaHistory.tables(context.getBean(DataSource.class), "jobs_")).isEmpty();
			});
	}

	@Test
	void backsOffWithoutADataSource() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, JobsAutoConfiguration.class))
			.withUserConfiguration(GreetingHandlerConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DataSource.class)
				.doesNotHaveBean(Jobs.class)
				.doesNotHaveBean(JobWorker.class));
	}

	@Test
	void backsOffFromAUserDefinedJobsBean() {
		this.contextRunner.withUserConfiguration(UserJobsConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Jobs.class).doesNotHaveBean(DefaultJobs.class);
			assertThat(context.getBean(Jobs.class)).isSameAs(context.getBean("userJobs"));
		});
	}

	@Test
	void usesAUserDefinedJobStore() {
		this.contextRunner.withUserConfiguration(GreetingHandlerConfiguration.class, UserJobStoreConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(JobStore.class);
				Jobs jobs = context.getBean(Jobs.class);
				JobId id = jobs.enqueue("greet", new Greeting("Grace"));
				assertThat(context.getBean(CountingJobWriter.class).inserted).hasValue(1);
				awaitStatus(jobs, id, JobStatus.COMPLETED);
			});
	}

	@Test
	void usesAUserDefinedJobPayloadMapper() {
		this.contextRunner
			.withUserConfiguration(GreetingHandlerConfiguration.class, UserPayloadMapperConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(JobPayloadMapper.class);
				RecordingPayloadMapper mapper = context.getBean(RecordingPayloadMapper.class);
				context.getBean(Jobs.class).enqueue("greet", new Greeting("Linus"));
				assertThat(mapper.payloadsWritten).containsExactly("greet");
			});
	}

	@Test
	void writesPayloadsWithTheApplicationsJsonMapper() {
		this.contextRunner.withUserConfiguration(GreetingHandlerConfiguration.class)
			.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE", "jobs.worker.enabled=false")
			.run((context) -> {
				JobId id = context.getBean(Jobs.class).enqueue("remember", new Person("Ada", "Lovelace"));
				String payload = new JdbcTemplate(context.getBean(DataSource.class))
					.queryForObject("SELECT payload FROM jobs_job WHERE id = ?", String.class, id.value());
				assertThat(payload).contains("\"first_name\":\"Ada\"");
				assertThat(context.getBean(Jobs.class).get(id).orElseThrow().payload(Person.class))
					.isEqualTo(new Person("Ada", "Lovelace"));
			});
	}

	@Test
	void worksWithoutSpringBootJackson() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, JobsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.jackson"))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
					"jobs.worker.poll-interval=100ms")
			.withUserConfiguration(GreetingHandlerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(JsonMapper.class)
					.hasSingleBean(JobPayloadMapper.class);
				Jobs jobs = context.getBean(Jobs.class);
				JobId id = jobs.enqueue("greet", new Greeting("Barbara"));
				assertThat(awaitStatus(jobs, id, JobStatus.COMPLETED).result(Greeting.class))
					.isEqualTo(new Greeting("Hello, Barbara"));
			});
	}

	@Test
	void hasNoWorkerWhenWorkerDisabled() {
		this.contextRunner.withUserConfiguration(GreetingHandlerConfiguration.class)
			.withPropertyValues("jobs.worker.enabled=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(Jobs.class)
					.doesNotHaveBean(JobWorker.class)
					.doesNotHaveBean(JobsHeartbeatConnection.class);
				Jobs jobs = context.getBean(Jobs.class);
				JobId id = jobs.enqueue("greet", new Greeting("Ada"));
				assertThat(jobs.get(id).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
			});
	}

	@Test
	void workerWaitsWhenAutoStartIsFalse() {
		this.contextRunner.withUserConfiguration(GreetingHandlerConfiguration.class)
			.withPropertyValues("jobs.worker.auto-start=false")
			.run((context) -> {
				JobWorker worker = context.getBean(JobWorker.class);
				assertThat(worker.isRunning()).isFalse();
				Jobs jobs = context.getBean(Jobs.class);
				JobId id = jobs.enqueue("greet", new Greeting("Ada"));
				await().during(Duration.ofMillis(500))
					.atMost(Duration.ofSeconds(5))
					.until(() -> jobs.get(id).orElseThrow().status() == JobStatus.PENDING);
				worker.start();
				assertThat(worker.isRunning()).isTrue();
				awaitStatus(jobs, id, JobStatus.COMPLETED);
			});
	}

	@Test
	void startsTheWorkerAndRegistersHandlersUnderLazyInitialization() {
		this.contextRunner.withUserConfiguration(GreetingHandlerConfiguration.class)
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> {
				assertThat(context.getBean(JobWorker.class).isRunning()).isTrue();
				Jobs jobs = context.getBean(Jobs.class);
				JobId id = jobs.enqueue("greet", new Greeting("Ada"));
				awaitStatus(jobs, id, JobStatus.COMPLETED);
			});
	}

	@Test
	void failsToStartWhenTwoHandlersShareAName() {
		this.contextRunner.withUserConfiguration(DuplicateHandlersConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(JobHandlerDefinitionException.class)
				.hasMessageContaining("'send-email'")
				.hasMessageContaining("'welcomeMailer'")
				.hasMessageContaining("WelcomeMailer.sendWelcome(")
				.hasMessageContaining("'reminderMailer'")
				.hasMessageContaining("ReminderMailer.sendReminder(");
		});
	}

	@Test
	void failsToStartWhenAHandlerHasUnbindableParameters() {
		this.contextRunner.withUserConfiguration(TwoPayloadsHandlerConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(JobHandlerDefinitionException.class)
				.hasMessageContaining("'twoPayloadsHandler'")
				.hasMessageContaining("TwoPayloadsHandler.transfer(String, long)")
				.hasMessageContaining("2 payload parameters");
		});
	}

	@ParameterizedTest
	@ValueSource(classes = { JitterAboveOne.class, MultiplierBelowOne.class, NegativeDelay.class })
	void failsToStartWhenAHandlersBackoffBreaksTheBackoffRules(Class<?> handler) {
		this.contextRunner.withBean(handler).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(JobHandlerDefinitionException.class)
				.hasMessageContaining("@JobHandler 'bad-backoff'")
				.hasMessageContaining(handler.getSimpleName() + ".run(")
				.hasMessageMatching(
						"(?s).*has (backoff (jitter 1.5|multiplier 0.5): Backoff .*|an invalid backoff delay '-1s')");
		});
	}

	@Test
	void failureAnalyzerDescribesAHandlerDefinitionProblemAndWhatToDo() {
		this.contextRunner.withUserConfiguration(DuplicateHandlersConfiguration.class).run((context) -> {
			FailureAnalysis analysis = new JobHandlerDefinitionFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("'send-email'", "'welcomeMailer'", "'reminderMailer'");
			assertThat(analysis.getAction()).isNotBlank().contains("@JobHandler");
			assertThat(analysis.getCause()).isInstanceOf(JobHandlerDefinitionException.class);
		});
	}

	@Test
	void failsToStartWithAnInvalidTablePrefix() {
		this.contextRunner.withPropertyValues("jobs.schema.table-prefix=jobs;drop table x;").run((context) -> {
			assertInvalidProperty(context, "jobs.schema.table-prefix");
			assertThat(context).getFailure().rootCause().hasMessageContaining("jobs;drop table x;");
		});
	}

	@Test
	void failsToStartWithAnUnknownNonRetryableExceptionClass() {
		this.contextRunner.withUserConfiguration(GreetingHandlerConfiguration.class)
			.withPropertyValues("jobs.handlers.greet.non-retryable=com.example.NoSuchException")
			.run((context) -> {
				assertInvalidProperty(context, "jobs.handlers.greet.non-retryable");
				assertThat(context).getFailure().rootCause().hasMessageContaining("com.example.NoSuchException");
			});
	}

	@Test
	void failsToStartWhenANonRetryableClassIsNotAnException() {
		this.contextRunner.withPropertyValues("jobs.handlers.greet.non-retryable=java.lang.String")
			.run((context) -> assertInvalidProperty(context, "jobs.handlers.greet.non-retryable"));
	}

	@Test
	void loadsNonRetryableExceptionClassesWithTheApplicationsClassLoader() {
		this.contextRunner.withClassLoader(new GeneratedExceptionClassLoader(getClass().getClassLoader()))
			.withUserConfiguration(GreetingHandlerConfiguration.class)
			.withPropertyValues("jobs.handlers.greet.non-retryable=" + GeneratedExceptionClassLoader.NAME)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(JobSettingsResolver.class).resolve("greet").nonRetryable())
					.extracting(Class::getName)
					.containsExactly(GeneratedExceptionClassLoader.NAME);
			});
	}

	@Test
	void failsToStartWhenStaleAfterIsShorterThanTwoHeartbeats() {
		this.contextRunner.withPropertyValues("jobs.worker.heartbeat-interval=10s", "jobs.worker.stale-after=19s")
			.run((context) -> {
				assertInvalidProperty(context, "jobs.worker.stale-after");
				assertThat(context).getFailure().rootCause().hasMessageContaining("jobs.worker.heartbeat-interval");
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			jobs.worker.concurrency                  | 0
			jobs.worker.poll-interval                | 0s
			jobs.worker.heartbeat-interval           | 0s
			jobs.worker.shutdown-timeout             | -1s
			jobs.queues.mail.concurrency             | 0
			jobs.defaults.max-attempts               | 0
			jobs.defaults.timeout                    | 0s
			jobs.defaults.queue                      | ' '
			jobs.defaults.backoff.jitter             | 1.5
			jobs.defaults.backoff.multiplier         | 0.5
			jobs.defaults.backoff.delay              | -1s
			jobs.defaults.backoff.max-delay          | 10ms
			jobs.handlers.greet.max-attempts         | 0
			jobs.handlers.greet.timeout              | 0s
			jobs.handlers.greet.queue                | ' '
			jobs.handlers.greet.backoff.jitter       | 2
			jobs.handlers.greet.backoff.multiplier   | 0.5
			jobs.handlers.greet.backoff.delay        | -1s
			jobs.payload.max-size                    | 0B
			jobs.history.retention                   | 0s
			jobs.history.retention                   | -1h
			jobs.history.retention-failed            | 0s
			jobs.history.retention-failed            | -14d
			jobs.history.cleanup-interval            | 0s
			jobs.history.cleanup-batch-size          | 0
			jobs.history.max-log-lines               | -1
			jobs.health.failure-rate-window          | 0s
			jobs.queues.mail.backlog-threshold       | -1
			""")
	void failsToStartWithAnInvalidPropertyNamingIt(String property, String value) {
		this.contextRunner.withUserConfiguration(GreetingHandlerConfiguration.class)
			.withPropertyValues(property + "=" + value)
			.run((context) -> assertInvalidProperty(context, property));
	}

	@Test
	void failsToStartWithANodeNameLongerThanTheStoreHolds() {
		this.contextRunner.withPropertyValues("jobs.node-name=" + "n".repeat(201))
			.run((context) -> assertInvalidProperty(context, "jobs.node-name"));
	}

	private static void assertInvalidProperty(AssertableApplicationContext context, String name) {
		assertThat(context).hasFailed();
		assertThat(context).getFailure()
			.rootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
					(ex) -> assertThat(ex.getName()).isEqualTo(name));
	}

	private static Job awaitStatus(Jobs jobs, JobId id, JobStatus status) {
		await().atMost(Duration.ofSeconds(20)).until(() -> jobs.get(id).orElseThrow().status() == status);
		return jobs.get(id).orElseThrow();
	}

	record Greeting(String name) {

	}

	record Person(String firstName, String lastName) {

	}

	static class GreetingHandler {

		@JobHandler("greet")
		Greeting greet(Greeting greeting) {
			return new Greeting("Hello, " + greeting.name());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class GreetingHandlerConfiguration {

		@Bean
		GreetingHandler greetingHandler() {
			return new GreetingHandler();
		}

	}

	static class WelcomeMailer {

		@JobHandler("send-email")
		void sendWelcome(String address) {
		}

	}

	static class ReminderMailer {

		@JobHandler("send-email")
		void sendReminder(String address) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateHandlersConfiguration {

		@Bean
		WelcomeMailer welcomeMailer() {
			return new WelcomeMailer();
		}

		@Bean
		ReminderMailer reminderMailer() {
			return new ReminderMailer();
		}

	}

	static class TwoPayloadsHandler {

		@JobHandler("transfer")
		void transfer(String account, long amount) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoPayloadsHandlerConfiguration {

		@Bean
		TwoPayloadsHandler twoPayloadsHandler() {
			return new TwoPayloadsHandler();
		}

	}

	static class JitterAboveOne {

		@JobHandler(value = "bad-backoff", backoff = @Backoff(jitter = 1.5))
		void run() {
		}

	}

	static class MultiplierBelowOne {

		@JobHandler(value = "bad-backoff", backoff = @Backoff(multiplier = 0.5))
		void run() {
		}

	}

	static class NegativeDelay {

		@JobHandler(value = "bad-backoff", backoff = @Backoff(delay = "-1s"))
		void run() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSourcesConfiguration {

		@Bean
		@Primary
		SimpleDriverDataSource primaryDataSource() {
			return h2();
		}

		@Bean
		SimpleDriverDataSource otherDataSource() {
			return h2();
		}

		private static SimpleDriverDataSource h2() {
			return new SimpleDriverDataSource(new org.h2.Driver(),
					"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserJobsConfiguration {

		@Bean
		Jobs userJobs() {
			return (Jobs) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Jobs.class },
					(proxy, method, arguments) -> switch (method.getName()) {
						case "hashCode" -> System.identityHashCode(proxy);
						case "equals" -> proxy == arguments[0];
						case "toString" -> "userJobs";
						default -> throw new UnsupportedOperationException(method.getName());
					});
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserJobStoreConfiguration {

		@Bean
		CountingJobWriter countingJobWriter(DataSource dataSource) {
			return new CountingJobWriter(JdbcJobStores
				.create(dataSource, SchemaVendor.H2, TablePrefix.DEFAULT, new JobPayloadMapper(new JsonMapper(), 1024))
				.writer());
		}

		@Bean
		JobStore userJobStore(DataSource dataSource, CountingJobWriter writer) {
			JobStore store = JdbcJobStores.create(dataSource, SchemaVendor.H2, TablePrefix.DEFAULT,
					new JobPayloadMapper(new JsonMapper(), 1024));
			return new JobStore(writer, store.claimer(), store.attempts(), store.nodes(), store.queries(),
					store.recurring(), store.logs(), store.history(), store.queues());
		}

	}

	static class CountingJobWriter implements JobWriter {

		private final JobWriter delegate;

		final AtomicInteger inserted = new AtomicInteger();

		CountingJobWriter(JobWriter delegate) {
			this.delegate = delegate;
		}

		@Override
		public List<EnqueueResult> insert(List<NewJob> jobs) {
			this.inserted.addAndGet(jobs.size());
			return this.delegate.insert(jobs);
		}

		@Override
		public CancelResult cancel(JobId id) {
			return this.delegate.cancel(id);
		}

		@Override
		public boolean retry(JobId id) {
			return this.delegate.retry(id);
		}

		@Override
		public boolean reschedule(JobId id, JobChanges changes) {
			return this.delegate.reschedule(id, changes);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserPayloadMapperConfiguration {

		@Bean
		RecordingPayloadMapper userPayloadMapper() {
			return new RecordingPayloadMapper();
		}

	}

	static class RecordingPayloadMapper extends JobPayloadMapper {

		final List<String> payloadsWritten = new CopyOnWriteArrayList<>();

		RecordingPayloadMapper() {
			super(new JsonMapper(), 1024);
		}

		@Override
		public String writePayload(String jobName, Object payload) {
			this.payloadsWritten.add(jobName);
			return super.writePayload(jobName, payload);
		}

	}

	/**
	 * A class loader that knows one exception class its parent does not, as an
	 * application class loader (such as DevTools' restart class loader) knows the
	 * application's classes and the starter's own class loader does not.
	 */
	static class GeneratedExceptionClassLoader extends ClassLoader {

		static final String NAME = "com.example.generated.ApplicationOnlyException";

		GeneratedExceptionClassLoader(ClassLoader parent) {
			super(parent);
		}

		@Override
		protected Class<?> findClass(String name) throws ClassNotFoundException {
			if (!NAME.equals(name)) {
				throw new ClassNotFoundException(name);
			}
			ClassWriter writer = new ClassWriter(0);
			writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, NAME.replace('.', '/'), null, "java/lang/RuntimeException",
					null);
			writer.visitEnd();
			byte[] bytes = writer.toByteArray();
			return defineClass(name, bytes, 0, bytes.length);
		}

	}

}
