package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class H2AttemptWritesIntegrationTests extends AttemptWritesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
