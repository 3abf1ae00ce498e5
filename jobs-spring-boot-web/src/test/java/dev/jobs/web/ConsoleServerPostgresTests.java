package dev.jobs.web;

import org.junit.jupiter.api.BeforeAll;

import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's API on a real server, on PostgreSQL, in tables of a random prefix of its
 * own that are dropped when the context closes.
 */
@Import(ConsoleTestDatabase.DroppingTablesConfiguration.class)
@DirtiesContext
class ConsoleServerPostgresTests extends ConsoleServerContractTests {

	private static final ConsoleTestDatabase DATABASE = ConsoleTestDatabase.POSTGRESQL;

	private static final String PREFIX = ConsoleTestDatabase.randomPrefix();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		DATABASE.register(registry, PREFIX);
	}

	@BeforeAll
	static void databaseIsConfigured() {
		DATABASE.url();
	}

}
