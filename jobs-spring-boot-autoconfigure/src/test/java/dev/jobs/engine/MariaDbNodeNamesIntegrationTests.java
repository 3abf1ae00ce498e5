package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MariaDbNodeNamesIntegrationTests extends NodeNamesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
