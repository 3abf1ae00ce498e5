package dev.jobs.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.repository.CrudRepository;

import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter in an application with Spring Data JDBC repositories of its own: neither
 * switches the other off.
 */
class JobsBesideSpringDataJdbcIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				DataSourceInitializationAutoConfiguration.class, DataJdbcRepositoriesAutoConfiguration.class,
				JacksonAutoConfiguration.class, JobsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
				"spring.sql.init.schema-locations=classpath:dev/jobs/autoconfigure/customer-schema.sql",
				"jobs.worker.poll-interval=100ms", "jobs.worker.shutdown-timeout=1s");

	@Test
	void applicationRepositoriesAndJobsBothWork() {
		this.contextRunner.withUserConfiguration(CustomerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(DataSource.class).hasSingleBean(CustomerRepository.class);
			CustomerRepository customers = context.getBean(CustomerRepository.class);
			Customer ada = customers.save(new Customer(null, "Ada"));
			assertThat(ada.id()).isNotNull();
			assertThat(customers.findById(ada.id())).contains(ada);
			Jobs jobs = context.getBean(Jobs.class);
			JobId id = jobs.enqueue("register-customer", "Grace");
			await().atMost(Duration.ofSeconds(20))
				.until(() -> jobs.get(id).orElseThrow().status() == JobStatus.COMPLETED);
			assertThat(customers.findByName("Grace")).singleElement()
				.extracting(Customer::id)
				.isEqualTo(jobs.get(id).orElseThrow().result(Long.class));
			assertThat(customers.count()).isEqualTo(2);
		});
	}

	record Customer(@Id Long id, String name) {

	}

	interface CustomerRepository extends CrudRepository<Customer, Long> {

		List<Customer> findByName(String name);

	}

	static class CustomerHandler {

		private final CustomerRepository customers;

		CustomerHandler(CustomerRepository customers) {
			this.customers = customers;
		}

		@JobHandler("register-customer")
		Long register(String name) {
			return this.customers.save(new Customer(null, name)).id();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableJdbcRepositories(basePackageClasses = JobsBesideSpringDataJdbcIntegrationTests.class,
			considerNestedRepositories = true,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = CustomerRepository.class))
	static class CustomerConfiguration {

		@Bean
		CustomerHandler customerHandler(CustomerRepository customers) {
			return new CustomerHandler(customers);
		}

	}

}
