package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class PostgresAttemptWritesIntegrationTests extends AttemptWritesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
