package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MariaDbWorkerShutdownIntegrationTests extends WorkerShutdownContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
