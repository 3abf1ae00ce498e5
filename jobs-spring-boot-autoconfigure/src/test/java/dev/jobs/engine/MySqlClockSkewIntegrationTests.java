package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MySqlClockSkewIntegrationTests extends ClockSkewContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MYSQL;
	}

}
