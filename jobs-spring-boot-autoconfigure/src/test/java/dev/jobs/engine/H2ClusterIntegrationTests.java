package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class H2ClusterIntegrationTests extends ClusterContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
