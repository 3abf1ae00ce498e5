package dev.jobs.store.jdbc;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.jobs.store.NewJob;

/**
 * Stores a batch of new jobs where no insert skips a unique-key conflict (H2): each job
 * with a unique key is inserted on its own and a failure on the unique index caught, the
 * others in multi-row inserts. The writer reads the holder of a caught job's key back.
 */
final class ConflictCatchingInsert implements JobBatchInsert {

	private final JdbcAccess access;

	private final MultiRowJobInsert rows;

	private final String insertAt;

	private final String insertAfterDelay;

	ConflictCatchingInsert(JdbcAccess access, MultiRowJobInsert rows) {
		this.access = access;
		this.rows = rows;
		String insert = "INSERT INTO " + access.tables().job() + " (" + JobColumns.INSERTED
				+ ") VALUES (:id, :name, :queue, 'PENDING', :priority,"
				+ " :payload, :uniqueKey, :uniqueKey, 0, :maxAttempts, 0, :timeoutMs, :backoffDelayMs,"
				+ " :backoffMultiplier, :backoffMaxDelayMs, :backoffJitter, 0, FALSE, " + access.dialect().now() + ", ";
		String plainInsertAt = insert + ":runAt)";
		String plainInsertAfterDelay = insert + access.dialect().nowPlusMillis("delayMs") + ")";
		this.insertAt = access.dialect().insertSkippingActiveKeyConflict(plainInsertAt);
		this.insertAfterDelay = access.dialect().insertSkippingActiveKeyConflict(plainInsertAfterDelay);
	}

	@Override
	public void insert(List<NewJob> jobs) {
		List<NewJob> unkeyed = new ArrayList<>();
		for (NewJob job : jobs) {
			if (job.uniqueKey() != null) {
				insertOneCatchingConflict(job);
			}
			else {
				unkeyed.add(job);
			}
		}
		this.rows.insertAll(unkeyed);
	}

	private void insertOneCatchingConflict(NewJob job) {
		try {
			this.access.named().update((job.runAt() != null) ? this.insertAt : this.insertAfterDelay, parameters(job));
		}
		catch (DuplicateKeyException ex) {
			// the key's holder is read back by the writer
		}
	}

	private MapSqlParameterSource parameters(NewJob job) {
		MapSqlParameterSource parameters = new MapSqlParameterSource()
			.addValue("id", this.access.dialect().bind(job.id()))
			.addValue("name", job.name())
			.addValue("queue", job.queue())
			.addValue("priority", job.priority().rank())
			.addValue("payload", job.payloadJson(), Types.VARCHAR)
			.addValue("uniqueKey", job.uniqueKey(), Types.VARCHAR)
			.addValue("maxAttempts", job.maxAttempts())
			.addValue("timeoutMs", job.timeout().toMillis())
			.addValue("backoffDelayMs", job.backoff().delay().toMillis())
			.addValue("backoffMultiplier", job.backoff().multiplier())
			.addValue("backoffMaxDelayMs", job.backoff().maxDelay().toMillis())
			.addValue("backoffJitter", job.backoff().jitter());
		if (job.runAt() != null) {
			parameters.addValue("runAt", this.access.dialect().bind(job.runAt()));
		}
		else {
			parameters.addValue("delayMs", job.delay().toMillis());
		}
		return parameters;
	}

}
