package dev.jobs.store.jdbc;

import dev.jobs.testsupport.TestDatabase;

class PostgresJobsSchemaIntegrationTests extends JobsSchemaContractTests {

	@Override
	protected TestDatabase testDatabase() {
		return TestDatabase.POSTGRESQL;
	}

}
