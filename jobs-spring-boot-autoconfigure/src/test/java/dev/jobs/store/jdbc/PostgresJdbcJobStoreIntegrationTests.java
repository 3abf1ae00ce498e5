package dev.jobs.store.jdbc;

import dev.jobs.testsupport.TestDatabase;

class PostgresJdbcJobStoreIntegrationTests extends JdbcJobStoreContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
