package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class H2JobSteeringIntegrationTests extends JobSteeringContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
