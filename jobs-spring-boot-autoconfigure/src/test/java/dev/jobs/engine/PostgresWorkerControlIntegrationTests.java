package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class PostgresWorkerControlIntegrationTests extends WorkerControlContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
