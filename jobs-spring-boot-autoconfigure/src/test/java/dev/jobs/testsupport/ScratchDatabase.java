package dev.jobs.testsupport;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A new, empty database on one of the {@link TestDatabase}s, for tests that need a schema
 * with nothing in it (Flyway treats an empty schema differently from one that holds
 * tables) or a database of their own, dropped again by {@link #close()}. PostgreSQL,
 * MariaDB and MySQL get a {@code CREATE DATABASE} through the configured URL, H2 a new
 * in-memory database.
 */
public final class ScratchDatabase implements AutoCloseable {

	private static final Pattern URL = Pattern.compile("^(jdbc:[a-z0-9]+://[^/?;]+/)([^?;]*)(.*)$");

	// the user that Spring Boot's DataSourceProperties gives an embedded database, and
	// that the first connection to an in-memory H2 database makes its owner
	private static final String H2_USER = "sa";

	private final TestDatabase database;

	private final String name;

	private final String url;

	private final List<HikariDataSource> pools = new CopyOnWriteArrayList<>();

	private ScratchDatabase(TestDatabase database, String name, String url) {
		this.database = database;
		this.name = name;
		this.url = url;
	}

	/**
	 * Create a new empty database.
	 * @param database where
	 * @param purpose a short lower-case word for its name, such as {@code schema}
	 * @return the database; close it when done
	 */
	public static ScratchDatabase create(TestDatabase database, String purpose) {
		byte[] bytes = new byte[4];
		ThreadLocalRandom.current().nextBytes(bytes);
		String name = "jobs_" + purpose + "_" + HexFormat.of().formatHex(bytes);
		if (database == TestDatabase.H2) {
			return new ScratchDatabase(database, name, database.url());
		}
		String adminUrl = database.url();
		admin(adminUrl).execute("CREATE DATABASE " + name);
		return new ScratchDatabase(database, name, withDatabaseName(adminUrl, name));
	}

	private static String withDatabaseName(String url, String name) {
		Matcher matcher = URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalStateException("Cannot find the database name in " + url);
		}
		return matcher.group(1) + name + matcher.group(3);
	}

	private static JdbcTemplate admin(String url) {
		return new JdbcTemplate(new DriverManagerDataSource(url));
	}

	/**
	 * The database this one lives on.
	 * @return the test database
	 */
	public TestDatabase database() {
		return this.database;
	}

	/**
	 * The database's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The JDBC URL of this database, including credentials.
	 * @return the URL
	 */
	public String url() {
		return this.url;
	}

	/**
	 * A new connection pool on this database, closed with it.
	 * @return the pool
	 */
	public HikariDataSource createDataSource() {
		HikariDataSource dataSource = this.database.createDataSource(this.url);
		if (this.database == TestDatabase.H2) {
			dataSource.setUsername(H2_USER);
		}
		this.pools.add(dataSource);
		return dataSource;
	}

	@Override
	public void close() {
		this.pools.forEach(HikariDataSource::close);
		switch (this.database) {
			case H2 -> {
				DriverManagerDataSource h2 = new DriverManagerDataSource(this.url);
				h2.setUsername(H2_USER);
				new JdbcTemplate(h2).execute("SHUTDOWN");
			}
			case POSTGRESQL ->
				admin(this.database.url()).execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
			case MARIADB, MYSQL -> admin(this.database.url()).execute("DROP DATABASE IF EXISTS " + this.name);
		}
	}

}
