package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MySqlBadStoredPayloadIntegrationTests extends BadStoredPayloadContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MYSQL;
	}

}
