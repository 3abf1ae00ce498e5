package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MariaDbQueuesIntegrationTests extends QueuesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
