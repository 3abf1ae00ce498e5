package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class H2NodeNamesIntegrationTests extends NodeNamesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
