package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class H2ClockSkewIntegrationTests extends ClockSkewContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
