package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MariaDbNamesIntegrationTests extends NamesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
