package dev.jobs.transactions;

import dev.jobs.testsupport.TestDatabase;

class MySqlTransactionalEnqueueIntegrationTests extends TransactionalEnqueueContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MYSQL;
	}

}
