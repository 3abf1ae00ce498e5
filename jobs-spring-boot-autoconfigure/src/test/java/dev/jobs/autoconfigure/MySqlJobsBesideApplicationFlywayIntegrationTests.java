package dev.jobs.autoconfigure;

import org.junit.jupiter.api.Test;

import dev.jobs.testsupport.TestDatabase;

/**
 * {@link JobsBesideApplicationFlywayIntegrationTests} on MySQL 8, which needs Docker and
 * so runs in the {@code docker-tests} profile only.
 */
class MySqlJobsBesideApplicationFlywayIntegrationTests {

	private final JobsBesideApplicationFlywayIntegrationTests tests = new JobsBesideApplicationFlywayIntegrationTests();

	@Test
	void applicationAndStarterMigrationsKeepHistoriesOfTheirOwn() {
		this.tests.applicationAndStarterMigrationsKeepHistoriesOfTheirOwn(TestDatabase.MYSQL);
	}

}
