package dev.jobs.store.jdbc;

import dev.jobs.testsupport.TestDatabase;

class MariaDbJobsSchemaIntegrationTests extends JobsSchemaContractTests {

	@Override
	protected TestDatabase testDatabase() {
		return TestDatabase.MARIADB;
	}

}
