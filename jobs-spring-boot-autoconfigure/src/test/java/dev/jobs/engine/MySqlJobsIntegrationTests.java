package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MySqlJobsIntegrationTests extends JobsContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MYSQL;
	}

}
