package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MySqlJobLogsIntegrationTests extends JobLogsContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MYSQL;
	}

}
