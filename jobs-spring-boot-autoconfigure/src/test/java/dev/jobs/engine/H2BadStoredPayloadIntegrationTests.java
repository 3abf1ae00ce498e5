package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class H2BadStoredPayloadIntegrationTests extends BadStoredPayloadContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
