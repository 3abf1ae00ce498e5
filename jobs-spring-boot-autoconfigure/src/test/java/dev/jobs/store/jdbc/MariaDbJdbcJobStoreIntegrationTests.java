package dev.jobs.store.jdbc;

import dev.jobs.testsupport.TestDatabase;

class MariaDbJdbcJobStoreIntegrationTests extends JdbcJobStoreContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
