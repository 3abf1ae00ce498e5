package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class H2RecurringIntegrationTests extends RecurringContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
