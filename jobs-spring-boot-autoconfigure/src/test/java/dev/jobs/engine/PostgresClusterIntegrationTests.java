package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class PostgresClusterIntegrationTests extends ClusterContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
