package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class PostgresNamesIntegrationTests extends NamesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
