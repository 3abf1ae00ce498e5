package dev.jobs.engine;

import dev.jobs.testsupport.TestDatabase;

class MariaDbClusterIntegrationTests extends ClusterContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
