package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MySqlNamesIntegrationTests extends NamesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MYSQL;
	}

}
