package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class H2JobLifecycleIntegrationTests extends JobLifecycleContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
