package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class PostgresClockSkewIntegrationTests extends ClockSkewContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
