package dev.jobs.store.jdbc;

import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;

import org.springframework.beans.factory.InitializingBean;

import dev.jobs.JobsException;

/**
 * Creates or checks the starter's schema with a Flyway instance of its own: its own
 * history table ({@code <prefix>schema_history}), its own migration folder per vendor and
 * a {@code prefix} placeholder. It is never a {@link Flyway} bean, so the application's
 * own Flyway migrations run as before.
 *
 * <p>
 * A schema that already holds the application's tables is baselined at version 0, so
 * every migration of the starter still runs. Flyway's lock on the history table keeps
 * instances that start together from migrating twice.
 */
public class JobsSchemaMigrator implements InitializingBean {

	private static final Log logger = LogFactory.getLog(JobsSchemaMigrator.class);

	private final DataSource dataSource;

	private final SchemaVendor vendor;

	private final TablePrefix prefix;

	private final Mode mode;

	/**
	 * Create a migrator.
	 * @param dataSource the jobs data source
	 * @param vendor its vendor
	 * @param prefix the table prefix
	 * @param mode what to do at start-up
	 */
	public JobsSchemaMigrator(DataSource dataSource, SchemaVendor vendor, TablePrefix prefix, Mode mode) {
		this.dataSource = dataSource;
		this.vendor = vendor;
		this.prefix = prefix;
		this.mode = mode;
	}

	@Override
	public void afterPropertiesSet() {
		switch (this.mode) {
			case MIGRATE -> migrate();
			case VALIDATE -> validate();
			case NONE -> logger.debug("Jobs schema management is off (jobs.schema.mode=none)");
		}
	}

	/**
	 * Apply the pending migrations.
	 */
	public void migrate() {
		int applied = flyway().migrate().migrationsExecuted;
		if (applied > 0) {
			logger.info("Applied " + applied + " jobs schema migration(s) with history table "
					+ this.prefix.schemaHistory());
		}
	}

	/**
	 * Check that the schema is current, changing nothing.
	 * @throws JobsException if it is not
	 */
	public void validate() {
		ValidateResult result = flyway().validateWithResult();
		if (!result.validationSuccessful) {
			StringBuilder message = new StringBuilder("The jobs schema (history table ")
				.append(this.prefix.schemaHistory())
				.append(") is not current and jobs.schema.mode is validate: ");
			result.invalidMigrations.forEach((invalid) -> message.append(invalid.version)
				.append(' ')
				.append(invalid.filepath)
				.append(": ")
				.append(invalid.errorDetails.errorMessage)
				.append("; "));
			message.append("apply the scripts under ")
				.append(this.vendor.migrationLocation())
				.append(" or set jobs.schema.mode=migrate");
			throw new JobsException(message.toString());
		}
	}

	private Flyway flyway() {
		return Flyway.configure(getClass().getClassLoader())
			.dataSource(this.dataSource)
			.locations(this.vendor.migrationLocation())
			.table(this.prefix.schemaHistory())
			.placeholders(Map.of("prefix", this.prefix.value()))
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.baselineDescription("<< jobs baseline >>")
			.validateMigrationNaming(true)
			.cleanDisabled(true)
			.load();
	}

	/**
	 * What the migrator does at start-up.
	 */
	public enum Mode {

		/**
		 * Apply pending migrations.
		 */
		MIGRATE,

		/**
		 * Check that the schema is current, changing nothing.
		 */
		VALIDATE,

		/**
		 * Do nothing.
		 */
		NONE

	}

}
