package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class H2NamesIntegrationTests extends NamesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
