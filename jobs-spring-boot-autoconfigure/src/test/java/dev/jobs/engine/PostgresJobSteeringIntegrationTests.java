package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class PostgresJobSteeringIntegrationTests extends JobSteeringContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
