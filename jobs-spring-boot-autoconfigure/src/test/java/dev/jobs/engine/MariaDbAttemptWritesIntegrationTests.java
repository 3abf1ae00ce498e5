package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MariaDbAttemptWritesIntegrationTests extends AttemptWritesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
