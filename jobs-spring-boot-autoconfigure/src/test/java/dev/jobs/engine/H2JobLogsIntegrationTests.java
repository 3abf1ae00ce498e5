package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class H2JobLogsIntegrationTests extends JobLogsContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
