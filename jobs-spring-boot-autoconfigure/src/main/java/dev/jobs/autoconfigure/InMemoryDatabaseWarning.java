package dev.jobs.autoconfigure;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;

/**
 * Warns at start-up when the jobs live in an in-memory database, as they do when an
 * application has no {@code spring.datasource.*} and H2 is on the class path: its jobs
 * die with the process.
 */
class InMemoryDatabaseWarning implements InitializingBean {

	private static final Log logger = LogFactory.getLog(InMemoryDatabaseWarning.class);

	private final DataSource dataSource;

	InMemoryDatabaseWarning(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() {
		if (EmbeddedDatabaseConnection.isEmbedded(this.dataSource)) {
			logger.warn("Jobs are stored in an in-memory database: every job, its history and the recurring"
					+ " schedules are lost when this process stops. Set spring.datasource.url to a database"
					+ " that outlives the process unless that is what you want.");
		}
	}

}
