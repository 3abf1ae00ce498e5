package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class PostgresNodeNamesIntegrationTests extends NodeNamesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
