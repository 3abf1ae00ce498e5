package dev.jobs.web;

import org.springframework.test.context.TestPropertySource;

/**
 * The console's API on a real server, on an in-memory H2 database of its own.
 */
@TestPropertySource(properties = ConsoleTestProperties.H2)
class ConsoleServerH2Tests extends ConsoleServerContractTests {

}
