package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MySqlJobLifecycleIntegrationTests extends JobLifecycleContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MYSQL;
	}

}
