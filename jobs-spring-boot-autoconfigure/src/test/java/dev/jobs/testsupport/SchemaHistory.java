package dev.jobs.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import dev.jobs.store.jdbc.SchemaVendor;

/**
 * Reads Flyway schema history tables and the tables of a database, and lists the
 * starter's migration scripts, for tests of who migrated what.
 */
public final class SchemaHistory {

	private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

	private SchemaHistory() {
	}

	/**
	 * The rows of a Flyway history table, oldest first.
	 * @param dataSource the database
	 * @param table the history table
	 * @return the rows
	 */
	public static List<Row> rows(DataSource dataSource, String table) {
		String q = (SchemaVendor.of(dataSource) == SchemaVendor.MYSQL) ? "`" : "\"";
		String sql = "SELECT " + q + "version" + q + ", " + q + "description" + q + ", " + q + "type" + q + ", " + q
				+ "success" + q + " FROM " + q + table + q + " ORDER BY " + q + "installed_rank" + q;
		return new JdbcTemplate(dataSource).query(sql,
				(rs, rowNum) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
	}

	/**
	 * The migrations of a Flyway history table, oldest first, as
	 * {@code "<version> <description>"}, leaving out Flyway's own markers (baseline,
	 * table or schema created).
	 * @param dataSource the database
	 * @param table the history table
	 * @return the migrations
	 */
	public static List<String> migrations(DataSource dataSource, String table) {
		return rows(dataSource, table).stream()
			.filter(Row::isMigration)
			.map((row) -> row.version() + " " + row.description() + (row.success() ? "" : " (failed)"))
			.toList();
	}

	/**
	 * The starter's migration scripts of a vendor, as Flyway records them:
	 * {@code "<version> <description>"}, in version order.
	 * @param vendor the vendor
	 * @return the migrations
	 */
	public static List<String> scripts(SchemaVendor vendor) {
		String location = vendor.migrationLocation().replace("classpath:", "classpath*:") + "/*.sql";
		List<Matcher> scripts = new ArrayList<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
				Matcher matcher = SCRIPT.matcher(resource.getFilename());
				if (!matcher.matches()) {
					throw new IllegalStateException("Not a versioned migration: " + resource);
				}
				scripts.add(matcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return scripts.stream()
			.sorted(Comparator.comparingInt((Matcher matcher) -> Integer.parseInt(matcher.group(1))))
			.map((matcher) -> matcher.group(1) + " " + matcher.group(2).replace('_', ' '))
			.toList();
	}

	/**
	 * The lower-case names of the tables in the data source's current schema whose names
	 * start with a prefix.
	 * @param dataSource the database
	 * @param prefix the prefix, any case
	 * @return the table names, sorted
	 */
	public static List<String> tables(DataSource dataSource, String prefix) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, (DatabaseMetaData metaData) -> {
				List<String> names = new ArrayList<>();
				String catalog = metaData.getConnection().getCatalog();
				String schema = metaData.getConnection().getSchema();
				try (ResultSet tables = metaData.getTables(catalog, schema, "%", new String[] { "TABLE" })) {
					while (tables.next()) {
						String name = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
						if (name.startsWith(prefix.toLowerCase(Locale.ROOT))) {
							names.add(name);
						}
					}
				}
				names.sort(null);
				return names;
			});
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One row of a Flyway history table.
	 *
	 * @param version the version, {@code null} for repeatable migrations
	 * @param description the description
	 * @param type the type, such as {@code SQL} or {@code BASELINE}
	 * @param success whether it succeeded
	 */
	public record Row(String version, String description, String type, boolean success) {

		/**
		 * Whether the row records a migration rather than one of Flyway's markers.
		 * @return whether it is a migration
		 */
		public boolean isMigration() {
			return this.version != null && !List.of("BASELINE", "TABLE", "SCHEMA").contains(this.type);
		}

	}

}
