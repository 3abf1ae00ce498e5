package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class H2RetentionIntegrationTests extends RetentionContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
