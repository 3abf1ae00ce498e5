package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MariaDbJobLifecycleIntegrationTests extends JobLifecycleContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
