package dev.jobs.transactions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.event.EventListener;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.autoconfigure.JobsAutoConfiguration;
import dev.jobs.event.JobEnqueuedEvent;
import dev.jobs.testsupport.ScratchDatabase;
import dev.jobs.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Enqueueing inside an application's transaction, in an application with Spring Data JPA
 * (whose transaction manager is a {@code JpaTransactionManager}): the job exists only if
 * the transaction commits, is invisible to other connections until then, and runs, is
 * announced and wakes the worker only after the commit. Runs on every database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TransactionalEnqueueContractTests {

	private static final Duration POLL = Duration.ofMillis(100);

	private ScratchDatabase database;

	private HikariDataSource elsewhere;

	protected abstract TestDatabase database();

	@BeforeAll
	void createDatabase() {
		this.database = ScratchDatabase.create(database(), "jpa");
		this.elsewhere = this.database.createDataSource();
	}

	@AfterAll
	void dropDatabase() {
		if (this.elsewhere != null) {
			this.elsewhere.close();
		}
		if (this.database != null) {
			this.database.close();
		}
	}

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
					DataJpaRepositoriesAutoConfiguration.class, TransactionAutoConfiguration.class,
					JacksonAutoConfiguration.class, JobsAutoConfiguration.class))
			.withUserConfiguration(ShopConfiguration.class)
			.withPropertyValues("spring.datasource.url=" + this.database.url(), "spring.jpa.hibernate.ddl-auto=update",
					"spring.jpa.open-in-view=false", "jobs.worker.poll-interval=" + POLL.toMillis() + "ms",
					"jobs.worker.shutdown-timeout=2s", "jobs.notifications.enabled=false");
	}

	private void run(Consumer<AssertableApplicationContext> test) {
		contextRunner().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(PlatformTransactionManager.class).getClass().getSimpleName())
				.isEqualTo("JpaTransactionManager");
			ShopRecords records = context.getBean(ShopRecords.class);
			records.shipped.clear();
			records.enqueuedEvents.clear();
			test.accept(context);
		});
	}

	@Test
	void rollbackLeavesNeitherTheEntityNorTheJob() {
		run((context) -> {
			Shop shop = context.getBean(Shop.class);
			ShopRecords records = context.getBean(ShopRecords.class);
			ShopOrders orders = context.getBean(ShopOrders.class);
			String order = "rolled-back";
			assertThatIllegalStateException().isThrownBy(() -> shop.placeOrderThenFail(order));
			assertThat(rowsSeenElsewhere("SELECT COUNT(*) FROM shop_order WHERE id = ?", order)).isZero();
			assertThat(jobRowsSeenElsewhere(order)).isZero();
			// several polls later the handler has still not run: there is no job to run
			sleep(POLL.multipliedBy(10));
			assertThat(records.shipped).isEmpty();
			assertThat(records.enqueuedEvents).isEmpty();
		});
	}

	@Test
	void commitKeepsBothAndTheJobRunsOnlyAfterTheCommit() {
		run((context) -> {
			Shop shop = context.getBean(Shop.class);
			ShopRecords records = context.getBean(ShopRecords.class);
			ShopOrders orders = context.getBean(ShopOrders.class);
			Jobs jobs = context.getBean(Jobs.class);
			String order = "committed";
			TransactionTemplate transaction = new TransactionTemplate(
					context.getBean(PlatformTransactionManager.class));
			JobId id = transaction.execute((status) -> {
				JobId enqueued = shop.placeOrder(order);
				assertThat(jobRowsSeenElsewhere(order)).as("job seen by another connection before the commit").isZero();
				assertThat(rowsSeenElsewhere("SELECT COUNT(*) FROM shop_order WHERE id = ?", order)).isZero();
				sleep(POLL.multipliedBy(10));
				assertThat(records.shipped).as("handler ran before the commit").isEmpty();
				assertThat(records.enqueuedEvents).as("enqueued event before the commit").isEmpty();
				return enqueued;
			});
			assertThat(rowsSeenElsewhere("SELECT COUNT(*) FROM shop_order WHERE id = ?", order)).isOne();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jobs.get(id).map((job) -> job.status() == JobStatus.COMPLETED).orElse(false));
			// the handler found the order the same transaction saved: it ran after the
			// commit
			assertThat(records.shipped).containsExactly(order);
			assertThat(records.enqueuedEvents).extracting(JobEnqueuedEvent::jobId).containsExactly(id);
		});
	}

	@Test
	void cancelAndRetryInsideARolledBackTransactionChangeNothing() {
		run((context) -> {
			Shop shop = context.getBean(Shop.class);
			ShopRecords records = context.getBean(ShopRecords.class);
			ShopOrders orders = context.getBean(ShopOrders.class);
			Jobs jobs = context.getBean(Jobs.class);
			JobId id = jobs.enqueue(JobRequest.of("ship-order", "later").delay(Duration.ofHours(1)));
			TransactionTemplate transaction = new TransactionTemplate(
					context.getBean(PlatformTransactionManager.class));
			assertThatIllegalStateException().isThrownBy(() -> transaction.executeWithoutResult((status) -> {
				orders.save(new ShopOrder("later"));
				assertThat(jobs.cancel(id)).isTrue();
				throw new IllegalStateException("rolled back");
			}));
			assertThat(jobs.get(id).orElseThrow().status()).isEqualTo(JobStatus.SCHEDULED);
			assertThat(rowsSeenElsewhere("SELECT COUNT(*) FROM shop_order WHERE id = ?", "later")).isZero();
			assertThat(jobs.cancel(id)).isTrue();
			assertThatIllegalStateException().isThrownBy(() -> transaction.executeWithoutResult((status) -> {
				assertThat(jobs.retry(id)).isEqualTo(id);
				throw new IllegalStateException("rolled back");
			}));
			assertThat(jobs.get(id).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
		});
	}

	@Test
	void enqueueAllJoinsTheTransactionToo() {
		run((context) -> {
			Shop shop = context.getBean(Shop.class);
			ShopRecords records = context.getBean(ShopRecords.class);
			ShopOrders orders = context.getBean(ShopOrders.class);
			Jobs jobs = context.getBean(Jobs.class);
			TransactionTemplate transaction = new TransactionTemplate(
					context.getBean(PlatformTransactionManager.class));
			assertThatIllegalStateException().isThrownBy(() -> transaction.executeWithoutResult((status) -> {
				orders.save(new ShopOrder("batch"));
				jobs.enqueueAll(List.of(JobRequest.of("ship-order", "batch"),
						JobRequest.of("ship-order", "batch").uniqueKey("batch-key")));
				throw new IllegalStateException("rolled back");
			}));
			assertThat(jobRowsSeenElsewhere("batch")).isZero();
			assertThat(rowsSeenElsewhere("SELECT COUNT(*) FROM shop_order WHERE id = ?", "batch")).isZero();
		});
	}

	@Test
	void enqueueInsideATransactionOfAnotherDataSourceWaitsForItsCommit() {
		run((context) -> {
			Shop shop = context.getBean(Shop.class);
			ShopRecords records = context.getBean(ShopRecords.class);
			ShopOrders orders = context.getBean(ShopOrders.class);
			Jobs jobs = context.getBean(Jobs.class);
			DataSource otherDataSource = DataSourceBuilder.create()
				.url("jdbc:h2:mem:other-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")
				.build();
			TransactionTemplate other = new TransactionTemplate(new DataSourceTransactionManager(otherDataSource));
			assertThatIllegalStateException().isThrownBy(() -> other.executeWithoutResult((status) -> {
				jobs.enqueue("ship-order", "other-rolled-back");
				throw new IllegalStateException("rolled back");
			}));
			JobId id = other.execute((status) -> {
				JobId enqueued = jobs.enqueue("ship-order", "other-committed");
				assertThat(jobRowsSeenElsewhere("other-committed")).isZero();
				return enqueued;
			});
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jobs.get(id).map((job) -> job.status() == JobStatus.COMPLETED).orElse(false));
			assertThat(jobRowsSeenElsewhere("other-rolled-back")).isZero();
			assertThat(records.enqueuedEvents).extracting(JobEnqueuedEvent::jobId).containsExactly(id);
		});
	}

	private long jobRowsSeenElsewhere(String order) {
		return rowsSeenElsewhere("SELECT COUNT(*) FROM jobs_job WHERE payload LIKE ?", "%\"" + order + "\"%");
	}

	/**
	 * Count rows on a connection of a pool of its own, outside the application.
	 */
	private long rowsSeenElsewhere(String sql, String parameter) {
		try (Connection connection = this.elsewhere.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
		catch (SQLException ex) {
			if (ex.getMessage().toLowerCase().contains("shop_order")) {
				return 0; // Hibernate creates the table on first start
			}
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Entity
	@Table(name = "shop_order")
	static class ShopOrder {

		@Id
		private String id;

		protected ShopOrder() {
		}

		ShopOrder(String id) {
			this.id = id;
		}

		String getId() {
			return this.id;
		}

	}

	interface ShopOrders extends JpaRepository<ShopOrder, String> {

	}

	static class ShopRecords {

		final List<String> shipped = new CopyOnWriteArrayList<>();

		final List<JobEnqueuedEvent> enqueuedEvents = new CopyOnWriteArrayList<>();

		@EventListener
		public void enqueued(JobEnqueuedEvent event) {
			this.enqueuedEvents.add(event);
		}

	}

	static class Shop {

		private final ShopOrders orders;

		private final Jobs jobs;

		private final ShopRecords records;

		Shop(ShopOrders orders, Jobs jobs, ShopRecords records) {
			this.orders = orders;
			this.jobs = jobs;
			this.records = records;
		}

		@Transactional
		public JobId placeOrder(String id) {
			this.orders.save(new ShopOrder(id));
			return this.jobs.enqueue("ship-order", id);
		}

		@Transactional
		public void placeOrderThenFail(String id) {
			placeOrder(id);
			throw new IllegalStateException("payment refused");
		}

		@JobHandler("ship-order")
		public void ship(String id) {
			if (this.orders.findById(id).isEmpty() && !id.startsWith("other-")) {
				throw new IllegalStateException("order " + id + " not found");
			}
			this.records.shipped.add(id);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = TransactionalEnqueueContractTests.class)
	@EnableJpaRepositories(basePackageClasses = TransactionalEnqueueContractTests.class,
			considerNestedRepositories = true,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ShopOrders.class))
	static class ShopConfiguration {

		@Bean
		ShopRecords shopRecords() {
			return new ShopRecords();
		}

		@Bean
		Shop shop(ShopOrders orders, Jobs jobs, ShopRecords records) {
			return new Shop(orders, jobs, records);
		}

	}

}
