package dev.jobs.store.jdbc;

import dev.jobs.testsupport.TestDatabase;

class H2JobsSchemaIntegrationTests extends JobsSchemaContractTests {

	@Override
	protected TestDatabase testDatabase() {
		return TestDatabase.H2;
	}

}
