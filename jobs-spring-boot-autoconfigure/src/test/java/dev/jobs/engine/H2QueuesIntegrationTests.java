package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class H2QueuesIntegrationTests extends QueuesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
