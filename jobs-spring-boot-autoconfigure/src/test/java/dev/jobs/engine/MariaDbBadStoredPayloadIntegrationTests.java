package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MariaDbBadStoredPayloadIntegrationTests extends BadStoredPayloadContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
