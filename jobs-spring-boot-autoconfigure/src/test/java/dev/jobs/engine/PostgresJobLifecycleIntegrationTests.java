package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class PostgresJobLifecycleIntegrationTests extends JobLifecycleContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
