package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MySqlQueuesIntegrationTests extends QueuesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MYSQL;
	}

}
