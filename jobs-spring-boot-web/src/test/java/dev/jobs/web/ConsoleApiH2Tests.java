package dev.jobs.web;

import org.springframework.test.context.TestPropertySource;

/**
 * The console's API contract on an in-memory H2 database of its own.
 */
@TestPropertySource(properties = ConsoleTestProperties.H2)
class ConsoleApiH2Tests extends ConsoleApiContractTests {

}
