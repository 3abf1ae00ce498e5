package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MySqlRetentionIntegrationTests extends RetentionContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MYSQL;
	}

}
