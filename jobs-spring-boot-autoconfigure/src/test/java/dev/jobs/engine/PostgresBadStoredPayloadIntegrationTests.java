package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class PostgresBadStoredPayloadIntegrationTests extends BadStoredPayloadContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
