package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MariaDbJobSteeringIntegrationTests extends JobSteeringContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
