package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MariaDbJobsIntegrationTests extends JobsContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
