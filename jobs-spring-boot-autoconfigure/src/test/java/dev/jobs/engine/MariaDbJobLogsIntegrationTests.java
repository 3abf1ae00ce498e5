package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MariaDbJobLogsIntegrationTests extends JobLogsContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
