package dev.jobs.transactions;

import dev.jobs.testsupport.TestDatabase;

class H2TransactionalEnqueueIntegrationTests extends TransactionalEnqueueContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
