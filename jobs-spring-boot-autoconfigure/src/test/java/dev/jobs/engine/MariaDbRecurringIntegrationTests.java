package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MariaDbRecurringIntegrationTests extends RecurringContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
