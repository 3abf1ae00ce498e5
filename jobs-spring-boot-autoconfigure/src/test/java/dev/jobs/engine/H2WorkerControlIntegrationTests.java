package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class H2WorkerControlIntegrationTests extends WorkerControlContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
