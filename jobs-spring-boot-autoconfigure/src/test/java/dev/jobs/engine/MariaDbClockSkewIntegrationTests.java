package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MariaDbClockSkewIntegrationTests extends ClockSkewContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
