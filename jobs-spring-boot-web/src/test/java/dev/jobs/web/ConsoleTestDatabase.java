package dev.jobs.web;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assertions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.StringUtils;

/**
 * The databases beside H2 that the console's tests run on, each reached through an
 * environment variable. Without it a test fails, naming the variable: CI sets them, and a
 * database test that skips would hide that it never ran. Each test class gets a random
 * table prefix of its own, so that parallel runs on one database never share rows, and
 * drops its tables when its context closes.
 */
enum ConsoleTestDatabase {

	/**
	 * PostgreSQL.
	 */
	POSTGRESQL("JOBS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"),

	/**
	 * MariaDB.
	 */
	MARIADB("JOBS_TEST_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");

	static final String URL_PROPERTY = "spring.datasource.url";

	static final String PREFIX_PROPERTY = "jobs.schema.table-prefix";

	private final String variable;

	private final String example;

	ConsoleTestDatabase(String variable, String example) {
		this.variable = variable;
		this.example = example;
	}

	/**
	 * The JDBC URL of this database, with credentials, from the environment.
	 * @return the URL
	 */
	String url() {
		String url = System.getenv(this.variable);
		if (!StringUtils.hasText(url)) {
			Assertions.fail("The console's " + name().toLowerCase(Locale.ROOT) + " tests need a database: set "
					+ this.variable + " to a JDBC URL with credentials, such as " + this.example
					+ " (these tests fail rather than skip, so that CI never passes without them)");
		}
		return url;
	}

	/**
	 * Point a test class's context at this database, with a table prefix of its own.
	 * @param registry the test's properties
	 * @param prefix the table prefix
	 */
	void register(DynamicPropertyRegistry registry, String prefix) {
		registry.add(URL_PROPERTY, this::url);
		registry.add(PREFIX_PROPERTY, () -> prefix);
	}

	/**
	 * A new random table prefix, such as {@code t0a1b2c3d_}.
	 * @return the prefix
	 */
	static String randomPrefix() {
		byte[] bytes = new byte[4];
		ThreadLocalRandom.current().nextBytes(bytes);
		return "t" + HexFormat.of().formatHex(bytes) + "_";
	}

	/**
	 * Drop every table whose name starts with the prefix, the schema history too.
	 * @param dataSource the database
	 * @param prefix the table prefix
	 */
	static void dropTables(DataSource dataSource, String prefix) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			boolean postgres = product.contains("postgres");
			List<String> tables = tables(connection, prefix);
			if (!postgres) {
				statement.execute("SET FOREIGN_KEY_CHECKS = 0");
			}
			for (String table : tables) {
				statement.execute("DROP TABLE IF EXISTS " + table + (postgres ? " CASCADE" : ""));
			}
			if (!postgres) {
				statement.execute("SET FOREIGN_KEY_CHECKS = 1");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not drop the tables of prefix " + prefix, ex);
		}
	}

	private static List<String> tables(Connection connection, String prefix) throws SQLException {
		List<String> tables = new ArrayList<>();
		DatabaseMetaData metaData = connection.getMetaData();
		String schema = connection.getSchema();
		try (ResultSet rows = metaData.getTables(connection.getCatalog(), schema, "%", new String[] { "TABLE" })) {
			while (rows.next()) {
				String table = rows.getString("TABLE_NAME");
				if (table.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
					tables.add(table);
				}
			}
		}
		return tables;
	}

	/**
	 * The data source of a test context on one of these databases: a pool that drops the
	 * tables of its prefix when the context closes, after the engine stopped.
	 */
	@Configuration(proxyBeanMethods = false)
	static class DroppingTablesConfiguration {

		@Bean
		HikariDataSource dataSource(Environment environment) {
			return new DroppingTablesDataSource(environment.getRequiredProperty(URL_PROPERTY),
					environment.getRequiredProperty(PREFIX_PROPERTY));
		}

	}

	/**
	 * A pool that drops the tables of its prefix as it closes.
	 */
	static final class DroppingTablesDataSource extends HikariDataSource {

		private final String prefix;

		DroppingTablesDataSource(String url, String prefix) {
			this.prefix = prefix;
			setJdbcUrl(url);
			setMaximumPoolSize(10);
			setPoolName("console-" + prefix);
		}

		@Override
		public void close() {
			if (!isClosed()) {
				try {
					dropTables(this, this.prefix);
				}
				finally {
					super.close();
				}
			}
		}

	}

}
