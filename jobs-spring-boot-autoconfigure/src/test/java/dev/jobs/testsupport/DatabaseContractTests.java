package dev.jobs.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the contract tests that run on every supported database: a subclass per
 * database names it; each test class gets a pool and a table prefix of its own, emptied
 * before each test and dropped after the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseContractTests {

	private final TestSchema schema = TestSchema.random();

	private HikariDataSource dataSource;

	/**
	 * The database this class runs on.
	 * @return the database
	 */
	protected abstract TestDatabase database();

	@BeforeAll
	void createDataSource() {
		this.dataSource = database().createDataSource();
	}

	@AfterAll
	void dropSchema() {
		if (this.dataSource != null) {
			this.schema.drop(this.dataSource);
			this.dataSource.close();
		}
	}

	@BeforeEach
	void emptyTables() {
		this.schema.truncate(this.dataSource);
	}

	protected HikariDataSource dataSource() {
		return this.dataSource;
	}

	protected TestSchema schema() {
		return this.schema;
	}

}
