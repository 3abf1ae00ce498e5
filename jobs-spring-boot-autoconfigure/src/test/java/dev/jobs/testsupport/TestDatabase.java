package dev.jobs.testsupport;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.util.StringUtils;

/**
 * The databases every SQL path is tested on. A database's URL comes from the environment
 * ({@code JOBS_TEST_POSTGRES_URL}, {@code JOBS_TEST_MYSQL_URL}), else from a
 * Testcontainers container where Docker runs; otherwise its tests are aborted, or fail
 * when {@code CI} is set, since a skipped database test in CI is a failure. MySQL 8 is
 * the exception: its tests run only in the {@code docker-tests} profile, and fail without
 * Docker (or {@code JOBS_TEST_MYSQL8_URL}) wherever they run.
 */
public enum TestDatabase {

	/**
	 * An in-memory H2 database, one per {@link #createDataSource()} call's URL.
	 */
	H2(null, null),

	/**
	 * PostgreSQL.
	 */
	POSTGRESQL("JOBS_TEST_POSTGRES_URL", TestImages.POSTGRES),

	/**
	 * MariaDB (the MySQL dialect).
	 */
	MARIADB("JOBS_TEST_MYSQL_URL", TestImages.MARIADB),

	/**
	 * MySQL 8 (the MySQL dialect), through MySQL Connector/J.
	 */
	MYSQL("JOBS_TEST_MYSQL8_URL", TestImages.MYSQL);

	// replaces Testcontainers' own my.cnf in the MySQL and MariaDB containers
	private static final String MYSQL_CONFIGURATION = "testcontainers/mysql-conf";

	private final String environmentVariable;

	private final String image;

	private volatile String url;

	TestDatabase(String environmentVariable, String image) {
		this.environmentVariable = environmentVariable;
		this.image = image;
	}

	/**
	 * The JDBC URL of this database, including credentials; for H2 a new in-memory
	 * database each call.
	 * @return the URL
	 */
	public synchronized String url() {
		if (this == H2) {
			return "jdbc:h2:mem:jobs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		}
		if (this.url == null) {
			this.url = resolveUrl();
		}
		return this.url;
	}

	private String resolveUrl() {
		String fromEnvironment = System.getenv(this.environmentVariable);
		if (StringUtils.hasText(fromEnvironment)) {
			return fromEnvironment;
		}
		if (isDockerAvailable()) {
			JdbcDatabaseContainer<?> container = container();
			container.start();
			String separator = container.getJdbcUrl().contains("?") ? "&" : "?";
			return container.getJdbcUrl() + separator + "user=" + container.getUsername() + "&password="
					+ container.getPassword();
		}
		if (this == MYSQL) {
			Assertions.fail("mysql tests need Docker, which is not available here (Testcontainers found no running "
					+ "engine): run them with -Pdocker-tests only where `docker info` succeeds, or set "
					+ this.environmentVariable + " to a JDBC URL of a MySQL 8 server with credentials");
		}
		String message = name().toLowerCase(Locale.ROOT) + " tests need a database: set " + this.environmentVariable
				+ " to a JDBC URL with credentials, or run Docker for Testcontainers";
		if (StringUtils.hasText(System.getenv("CI"))) {
			Assertions.fail(message + " (CI is set, so this fails instead of skipping)");
		}
		Assumptions.abort(message);
		throw new IllegalStateException(message);
	}

	private JdbcDatabaseContainer<?> container() {
		// root, not the image's default user: tests create databases of their own
		return switch (this) {
			case POSTGRESQL -> new PostgreSQLContainer(this.image);
			case MARIADB ->
				new MariaDBContainer(this.image).withUsername("root").withConfigurationOverride(MYSQL_CONFIGURATION);
			case MYSQL ->
				new MySQLContainer(this.image).withUsername("root").withConfigurationOverride(MYSQL_CONFIGURATION);
			case H2 -> throw new IllegalStateException("H2 runs in memory, not in a container");
		};
	}

	private static boolean isDockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

	/**
	 * Whether this database speaks the MySQL dialect, as MySQL and MariaDB do:
	 * {@code CHAR(36)} ids, a collation that ignores trailing spaces, and a largest
	 * packet that bounds a row.
	 * @return whether this is MySQL or MariaDB
	 */
	public boolean usesMySqlDialect() {
		return this == MYSQL || this == MARIADB;
	}

	/**
	 * A new connection pool on this database.
	 * @return the pool; close it when done
	 */
	public HikariDataSource createDataSource() {
		return createDataSource(url());
	}

	/**
	 * A new connection pool on the given URL of this database.
	 * @param url the JDBC URL
	 * @return the pool; close it when done
	 */
	public HikariDataSource createDataSource(String url) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		dataSource.setMaximumPoolSize(16);
		dataSource.setPoolName("test-" + name().toLowerCase(Locale.ROOT));
		return dataSource;
	}

	/**
	 * Lazily created data source.
	 * @return a supplier of a new pool
	 */
	public Supplier<DataSource> dataSourceSupplier() {
		return this::createDataSource;
	}

}
