package dev.jobs.testsupport;

/**
 * The container images used where Docker is available, pinned in one place.
 */
final class TestImages {

	static final String POSTGRES = "postgres:16-alpine";

	static final String MARIADB = "mariadb:11.4";

	static final String MYSQL = "mysql:8.4";

	private TestImages() {
	}

}
