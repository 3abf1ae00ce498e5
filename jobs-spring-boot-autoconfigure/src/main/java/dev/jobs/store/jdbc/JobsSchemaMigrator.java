package dev.jobs.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.ErrorCode;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.jspecify.annotations.Nullable;

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
 * every migration of the starter still runs. Nodes that start together take a
 * {@link SchemaMigrationLock database-wide lock} around the migration, so that one of
 * them migrates and the others find nothing left to do.
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
		int applied = new SchemaMigrationLock(this.dataSource, this.vendor, this.prefix.schemaHistory())
			.run(() -> flyway().migrate().migrationsExecuted);
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
			List<String> problems = new ArrayList<>();
			result.invalidMigrations.forEach((invalid) -> problems.add(describe(invalid)));
			if (problems.isEmpty() && result.errorDetails != null) {
				problems.add(firstLine(result.errorDetails.errorMessage));
			}
			throw new JobsException("The jobs schema is not current and jobs.schema.mode is validate, so it was "
					+ "left as it is. Schema history table " + this.prefix.schemaHistory() + ": "
					+ String.join("; ", problems) + ". Apply the scripts under " + this.vendor.migrationLocation()
					+ " with ${prefix} replaced by " + this.prefix.value() + ", or set jobs.schema.mode=migrate.");
		}
	}

	private static String describe(ValidateOutput invalid) {
		String migration = "migration " + invalid.version + " (" + invalid.description + ")";
		ErrorCode code = (invalid.errorDetails != null) ? invalid.errorDetails.errorCode : null;
		if (code == CoreErrorCode.RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED) {
			return migration + " is not applied";
		}
		if (code == CoreErrorCode.APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED) {
			return migration + " is applied but unknown to this version of the starter, which is older than the "
					+ "schema";
		}
		if (code == CoreErrorCode.FAILED_VERSIONED_MIGRATION) {
			return migration + " failed";
		}
		if (code == CoreErrorCode.CHECKSUM_MISMATCH) {
			return migration + " differs from the script that was applied";
		}
		String detail = (invalid.errorDetails != null) ? firstLine(invalid.errorDetails.errorMessage) : "invalid";
		return migration + ": " + detail;
	}

	/**
	 * The first line of a Flyway message, without the advice for Flyway's command line
	 * that follows it.
	 */
	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "invalid";
		}
		String line = message.strip().lines().findFirst().orElse("invalid");
		return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
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
