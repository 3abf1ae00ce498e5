package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class PostgresQueuesIntegrationTests extends QueuesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
