package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class PostgresJobsIntegrationTests extends JobsContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
