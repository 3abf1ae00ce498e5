package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class PostgresRecurringIntegrationTests extends RecurringContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
