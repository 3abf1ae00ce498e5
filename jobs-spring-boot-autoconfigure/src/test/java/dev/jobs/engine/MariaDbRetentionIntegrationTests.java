package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MariaDbRetentionIntegrationTests extends RetentionContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
