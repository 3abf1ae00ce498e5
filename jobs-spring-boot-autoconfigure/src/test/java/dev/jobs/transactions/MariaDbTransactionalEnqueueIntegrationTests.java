package dev.jobs.transactions;

import dev.jobs.testsupport.TestDatabase;

class MariaDbTransactionalEnqueueIntegrationTests extends TransactionalEnqueueContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
