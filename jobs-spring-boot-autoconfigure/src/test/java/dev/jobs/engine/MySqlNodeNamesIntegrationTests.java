package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MySqlNodeNamesIntegrationTests extends NodeNamesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MYSQL;
	}

}
