package dev.jobs.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * One database of the matrix: its name, its JDBC URL (with the credentials in it) and the
 * means to open a pool on it.
 *
 * @param name h2, postgresql or mariadb
 * @param url the JDBC URL
 */
record Database(String name, String url) {

	static Database of(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "h2" -> new Database("h2", "jdbc:h2:mem:jobs-benchmarks;DB_CLOSE_DELAY=-1");
			case "postgresql", "postgres" -> new Database("postgresql",
					env("JOBS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
			case "mariadb", "mysql" ->
				new Database("mariadb", env("JOBS_TEST_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root"));
			default -> throw new IllegalArgumentException("Unknown database '" + name + "' (h2, postgresql, mariadb)");
		};
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	boolean isMariaDb() {
		return "mariadb".equals(this.name);
	}

	boolean isPostgreSql() {
		return "postgresql".equals(this.name);
	}

	boolean isH2() {
		return "h2".equals(this.name);
	}

	/**
	 * Why the database cannot be reached, or {@code null} if it can.
	 * @return the reason or {@code null}
	 */
	String unreachable() {
		DriverManager.setLoginTimeout(5);
		try (Connection connection = DriverManager.getConnection(this.url)) {
			return connection.isValid(5) ? null : "connection not valid";
		}
		catch (SQLException ex) {
			return ex.getMessage();
		}
	}

	String product() {
		try (Connection connection = DriverManager.getConnection(this.url)) {
			return connection.getMetaData().getDatabaseProductName() + " "
					+ connection.getMetaData().getDatabaseProductVersion();
		}
		catch (SQLException ex) {
			return this.name;
		}
	}

	HikariDataSource pool(String poolName, int size) {
		HikariConfig config = new HikariConfig();
		config.setPoolName(poolName);
		config.setJdbcUrl(this.url);
		config.setMaximumPoolSize(size);
		config.setMinimumIdle(size);
		return new HikariDataSource(config);
	}

}
