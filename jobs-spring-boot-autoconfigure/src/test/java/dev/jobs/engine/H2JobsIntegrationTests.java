package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class H2JobsIntegrationTests extends JobsContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
