package dev.jobs.autoconfigure;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.store.jdbc.SchemaVendor;
import dev.jobs.testsupport.SchemaHistory;
import dev.jobs.testsupport.ScratchDatabase;
import dev.jobs.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter in an application that runs its own Flyway migrations
 * ({@code classpath:db/migration}) with Spring Boot's Flyway auto-configuration, each
 * test on a new empty database.
 */
class JobsBesideApplicationFlywayIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, FlywayAutoConfiguration.class,
				JacksonAutoConfiguration.class, JobsAutoConfiguration.class))
		.withUserConfiguration(SignupConfiguration.class)
		.withPropertyValues("jobs.worker.poll-interval=100ms", "jobs.worker.shutdown-timeout=1s");

	@ParameterizedTest
	// MySQL 8: MySqlJobsBesideApplicationFlywayIntegrationTests
	@EnumSource(value = TestDatabase.class, names = "MYSQL", mode = EnumSource.Mode.EXCLUDE)
	void applicationAndStarterMigrationsKeepHistoriesOfTheirOwn(TestDatabase testDatabase) {
		try (ScratchDatabase database = ScratchDatabase.create(testDatabase, "flyway")) {
			this.contextRunner.withPropertyValues("spring.datasource.url=" + database.url()).run((context) -> {
				assertThat(context).hasNotFailed();
				DataSource dataSource = context.getBean(DataSource.class);
				assertThat(SchemaHistory.migrations(dataSource, "flyway_schema_history"))
					.containsExactly("1 create customer");
				assertThat(SchemaHistory.migrations(dataSource, "jobs_schema_history"))
					.isEqualTo(SchemaHistory.scripts(SchemaVendor.of(dataSource)));
				assertThat(SchemaHistory.tables(dataSource, "")).containsExactly("customer", "flyway_schema_history",
						"jobs_cluster_state", "jobs_job", "jobs_job_execution", "jobs_job_log", "jobs_node",
						"jobs_queue", "jobs_recurring_job", "jobs_schema_history");
				assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT name FROM customer WHERE id = 1",
						String.class))
					.isEqualTo("Ada");
				Jobs jobs = context.getBean(Jobs.class);
				JobId welcome = context.getBean(Signup.class).welcome;
				await().atMost(Duration.ofSeconds(20))
					.until(() -> jobs.get(welcome).orElseThrow().status() == JobStatus.COMPLETED);
				assertThat(jobs.get(welcome).orElseThrow().result(String.class)).isEqualTo("Welcome, Ada");
			});
			this.contextRunner.withPropertyValues("spring.datasource.url=" + database.url()).run((context) -> {
				assertThat(context).as("restart on the migrated database").hasNotFailed();
				DataSource dataSource = context.getBean(DataSource.class);
				assertThat(SchemaHistory.migrations(dataSource, "flyway_schema_history"))
					.containsExactly("1 create customer");
				assertThat(SchemaHistory.migrations(dataSource, "jobs_schema_history"))
					.isEqualTo(SchemaHistory.scripts(SchemaVendor.of(dataSource)));
			});
		}
	}

	/**
	 * An application bean that enqueues a job as it is created, before the application's
	 * Flyway would otherwise have run: the starter's schema must still come after the
	 * application's, whose Flyway refuses a schema that holds tables but no history.
	 */
	static class Signup {

		final JobId welcome;

		Signup(Jobs jobs, JdbcTemplate jdbc) {
			this.welcome = jobs.enqueue("welcome", jdbc.queryForObject("SELECT name FROM customer", String.class));
		}

	}

	static class WelcomeHandler {

		@JobHandler("welcome")
		String welcome(String name) {
			return "Welcome, " + name;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SignupConfiguration {

		@Bean
		WelcomeHandler welcomeHandler() {
			return new WelcomeHandler();
		}

		@Bean
		Signup signup(Jobs jobs, DataSource dataSource) {
			return new Signup(jobs, new JdbcTemplate(dataSource));
		}

	}

}
