package dev.jobs.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jobs.testsupport.TestDatabase;

/**
 * {@link ConcurrentSchemaMigrationIntegrationTests} on MySQL 8, which needs Docker and so
 * runs in the {@code docker-tests} profile only.
 */
class MySqlConcurrentSchemaMigrationIntegrationTests {

	private final ConcurrentSchemaMigrationIntegrationTests tests = new ConcurrentSchemaMigrationIntegrationTests();

	@BeforeAll
	static void keepLoggingAsConfigured() {
		ConcurrentSchemaMigrationIntegrationTests.keepLoggingAsConfigured();
	}

	@AfterAll
	static void restoreLoggingSystem() {
		ConcurrentSchemaMigrationIntegrationTests.restoreLoggingSystem();
	}

	@Test
	void nodesStartingTogetherOnAnEmptyDatabaseApplyEachMigrationOnce() throws Exception {
		this.tests.nodesStartingTogetherOnAnEmptyDatabaseApplyEachMigrationOnce(TestDatabase.MYSQL);
	}

	@Test
	void migratorsRacingOnOneSchemaApplyEachMigrationOnce() throws Exception {
		this.tests.migratorsRacingOnOneSchemaApplyEachMigrationOnce(TestDatabase.MYSQL);
	}

}
