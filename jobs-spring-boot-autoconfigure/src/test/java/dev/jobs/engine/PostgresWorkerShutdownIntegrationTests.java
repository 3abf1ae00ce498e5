package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class PostgresWorkerShutdownIntegrationTests extends WorkerShutdownContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
