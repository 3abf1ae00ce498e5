package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MySqlWorkerShutdownIntegrationTests extends WorkerShutdownContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MYSQL;
	}

}
