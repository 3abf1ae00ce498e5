package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class PostgresJobLogsIntegrationTests extends JobLogsContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
