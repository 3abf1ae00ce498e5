package dev.jobs.store.jdbc;

import dev.jobs.testsupport.TestDatabase;

class MySqlJdbcJobStoreIntegrationTests extends JdbcJobStoreContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MYSQL;
	}

}
