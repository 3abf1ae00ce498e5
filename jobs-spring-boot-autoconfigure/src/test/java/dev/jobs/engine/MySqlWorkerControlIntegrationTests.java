package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MySqlWorkerControlIntegrationTests extends WorkerControlContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MYSQL;
	}

}
