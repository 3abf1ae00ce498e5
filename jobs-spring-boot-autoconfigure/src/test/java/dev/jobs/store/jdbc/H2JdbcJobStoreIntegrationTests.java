package dev.jobs.store.jdbc;

import dev.jobs.testsupport.TestDatabase;

class H2JdbcJobStoreIntegrationTests extends JdbcJobStoreContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
