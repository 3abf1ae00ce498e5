package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class H2WorkerShutdownIntegrationTests extends WorkerShutdownContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
