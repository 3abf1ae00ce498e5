package dev.jobs.transactions;

import dev.jobs.testsupport.TestDatabase;

class PostgresTransactionalEnqueueIntegrationTests extends TransactionalEnqueueContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRESQL;
	}

}
