package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MySqlRecurringIntegrationTests extends RecurringContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MYSQL;
	}

}
