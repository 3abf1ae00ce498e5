package dev.jobs.store.jdbc;

import java.util.List;

import dev.jobs.store.NewJob;

/**
 * Stores a batch of new jobs in the writer's transaction, a job whose unique key is held
 * storing nothing, as the dialect's {@code UniqueKeyConflicts} says: by the multi-row
 * inserts alone where they skip conflicts themselves, or with each job that has a unique
 * key inserted on its own and its conflict caught ({@link ConflictCatchingInsert}).
 */
interface JobBatchInsert {

	/**
	 * Store jobs.
	 * @param jobs the jobs
	 */
	void insert(List<NewJob> jobs);

	/**
	 * The insert of the dialect's way with unique-key conflicts.
	 * @param access the JDBC access
	 * @param rows the multi-row insert
	 * @return the insert
	 */
	static JobBatchInsert of(JdbcAccess access, MultiRowJobInsert rows) {
		return switch (access.dialect().uniqueKeyConflicts()) {
			case SKIPPED_BY_STATEMENT -> rows::insertAll;
			case CAUGHT -> new ConflictCatchingInsert(access, rows);
		};
	}

}
