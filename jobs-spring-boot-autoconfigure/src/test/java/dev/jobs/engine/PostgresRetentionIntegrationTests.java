package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class PostgresRetentionIntegrationTests extends RetentionContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
