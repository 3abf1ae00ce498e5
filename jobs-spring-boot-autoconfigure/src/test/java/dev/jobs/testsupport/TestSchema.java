package dev.jobs.testsupport;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table prefix of its own for one test class, so that test runs never see each other's
 * rows, with the means to empty and to drop its tables.
 *
 * @param prefix the table prefix
 */
public record TestSchema(String prefix) {

	/**
	 * A new random prefix.
	 * @return the schema
	 */
	public static TestSchema random() {
		byte[] bytes = new byte[4];
		ThreadLocalRandom.current().nextBytes(bytes);
		return new TestSchema("t" + HexFormat.of().formatHex(bytes) + "_");
	}

	/**
	 * The tables of this prefix, children first.
	 * @return the table names
	 */
	public List<String> tables() {
		return List.of(this.prefix + "job_log", this.prefix + "job_execution", this.prefix + "job",
				this.prefix + "node", this.prefix + "queue", this.prefix + "cluster_state",
				this.prefix + "recurring_job");
	}

	/**
	 * Delete every row, if the tables exist.
	 * @param dataSource the database
	 */
	public void truncate(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		for (String table : tables()) {
			try {
				jdbc.update("DELETE FROM " + table);
			}
			catch (RuntimeException ex) {
				// not created yet
			}
		}
	}

	/**
	 * Drop the tables and the schema history, if they exist.
	 * @param dataSource the database
	 */
	public void drop(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		for (String table : tables()) {
			jdbc.execute("DROP TABLE IF EXISTS " + table);
		}
		jdbc.execute("DROP TABLE IF EXISTS " + this.prefix + "schema_history");
	}

}
