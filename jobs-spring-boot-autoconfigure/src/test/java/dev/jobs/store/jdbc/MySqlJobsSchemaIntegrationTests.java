package dev.jobs.store.jdbc;

import dev.jobs.testsupport.TestDatabase;

class MySqlJobsSchemaIntegrationTests extends JobsSchemaContractTests {

	@Override
	protected TestDatabase testDatabase() {
		return TestDatabase.MYSQL;
	}

}
