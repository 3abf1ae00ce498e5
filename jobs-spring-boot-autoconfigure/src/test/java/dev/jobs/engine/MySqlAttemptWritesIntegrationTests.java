package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MySqlAttemptWritesIntegrationTests extends AttemptWritesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MYSQL;
	}

}
