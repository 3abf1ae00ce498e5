package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MySqlClusterIntegrationTests extends ClusterContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MYSQL;
	}

}
