package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MariaDbWorkerControlIntegrationTests extends WorkerControlContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
