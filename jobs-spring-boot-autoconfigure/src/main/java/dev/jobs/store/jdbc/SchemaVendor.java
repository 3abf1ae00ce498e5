package dev.jobs.store.jdbc;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import dev.jobs.JobsException;
import dev.jobs.store.jdbc.dialect.H2JobStoreDialect;
import dev.jobs.store.jdbc.dialect.JobStoreDialect;
import dev.jobs.store.jdbc.dialect.MySqlJobStoreDialect;
import dev.jobs.store.jdbc.dialect.PostgresJobStoreDialect;

/**
 * The databases the store supports, each with its dialect and its migration folder.
 * MariaDB shares MySQL's folder and dialect. Folder names follow Spring Boot's
 * {@code DatabaseDriver} ids, the vocabulary of Flyway's {@code {vendor}} placeholder.
 */
public enum SchemaVendor {

	/**
	 * H2, the default embedded store.
	 */
	H2("h2") {
		@Override
		public JobStoreDialect dialect() {
			return new H2JobStoreDialect();
		}
	},

	/**
	 * PostgreSQL.
	 */
	POSTGRESQL("postgresql") {
		@Override
		public JobStoreDialect dialect() {
			return new PostgresJobStoreDialect();
		}
	},

	/**
	 * MySQL 8 and MariaDB 10.6 and later.
	 */
	MYSQL("mysql") {
		@Override
		public JobStoreDialect dialect() {
			return new MySqlJobStoreDialect();
		}
	};

	private final String id;

	SchemaVendor(String id) {
		this.id = id;
	}

	/**
	 * The vendor id, which names the migration folder.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The classpath location of this vendor's migrations.
	 * @return the Flyway location
	 */
	public String migrationLocation() {
		return "classpath:dev/jobs/store/jdbc/migration/" + this.id;
	}

	/**
	 * A new dialect for this vendor.
	 * @return the dialect
	 */
	public abstract JobStoreDialect dialect();

	/**
	 * The vendor of a data source, from its JDBC metadata.
	 * @param dataSource the data source
	 * @return the vendor
	 * @throws JobsException if the database is not supported
	 */
	public static SchemaVendor of(DataSource dataSource) {
		String product;
		try {
			product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			throw new JobsException("Could not read the database product name of the jobs DataSource", ex);
		}
		return ofProductName(product);
	}

	/**
	 * The vendor of a JDBC database product name.
	 * @param productName the product name
	 * @return the vendor
	 * @throws JobsException if the database is not supported
	 */
	public static SchemaVendor ofProductName(String productName) {
		String name = (productName != null) ? productName.toLowerCase(Locale.ROOT) : "";
		if (name.contains("h2")) {
			return H2;
		}
		if (name.contains("postgres")) {
			return POSTGRESQL;
		}
		if (name.contains("mysql") || name.contains("mariadb")) {
			return MYSQL;
		}
		throw new JobsException("The jobs starter does not support the database '" + productName
				+ "'; supported are H2, PostgreSQL, MySQL 8 and MariaDB 10.6+");
	}

}
