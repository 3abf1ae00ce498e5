package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MySqlJobSteeringIntegrationTests extends JobSteeringContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MYSQL;
	}

}
