package dev.jobs.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.jobs.JobId;
import dev.jobs.MisfirePolicy;
import dev.jobs.store.RecurringDefinition;
import dev.jobs.store.RecurringJobStore;
import dev.jobs.store.StoredRecurringJob;
import dev.jobs.store.StoredSchedule;

/**
 * Recurring jobs in their table. Firing locks due rows with
 * {@code FOR UPDATE SKIP LOCKED} and, in the same transaction, enqueues their occurrences
 * and advances {@code next_run_at}: a node that locks a row after another fired it finds
 * it no longer due, so each occurrence fires once however many nodes poll, and "due" is
 * the database's clock, so node clock skew does not matter.
 */
class JdbcRecurringJobStore implements RecurringJobStore {

	private static final int MAX_UPDATE_TRIES = 3;

	private static final String COLUMNS = "name, handler, schedule_type, schedule, zone, payload, allow_concurrent,"
			+ " misfire, max_runs, end_at, source, paused, runs, skipped, next_run_at, last_run_at, last_job_id, paused_by";

	private final JdbcAccess access;

	private final DatabaseClock clock;

	private final RowMapper<StoredRecurringJob> mapper = this::map;

	/**
	 * Create the store.
	 * @param access the JDBC access
	 */
	JdbcRecurringJobStore(JdbcAccess access) {
		this.access = access;
		this.clock = new DatabaseClock(access);
	}

	@Override
	public Instant now() {
		return this.clock.now();
	}

	@Override
	public List<StoredRecurringJob> findAll() {
		return this.access.jdbc()
			.sql("SELECT " + COLUMNS + " FROM " + this.access.tables().recurringJob() + " ORDER BY name")
			.query(this.mapper)
			.list();
	}

	@Override
	public Optional<StoredRecurringJob> find(String name) {
		return this.access.jdbc()
			.sql("SELECT " + COLUMNS + " FROM " + this.access.tables().recurringJob() + " WHERE name = :name")
			.param("name", name)
			.query(this.mapper)
			.optional();
	}

	@Override
	public void save(StoredRecurringJob job) {
		MapSqlParameterSource parameters = parameters(job);
		this.access.inTransaction(() -> {
			int updated = this.access.named()
				.update("UPDATE " + this.access.tables().recurringJob() + " SET handler = :handler,"
						+ " schedule_type = :scheduleType, schedule = :schedule, zone = :zone, payload = :payload,"
						+ " allow_concurrent = :allowConcurrent, misfire = :misfire, max_runs = :maxRuns,"
						+ " end_at = :endAt, source = :source, paused = :paused, paused_by = :pausedBy,"
						+ " next_run_at = :nextRunAt," + " updated_at = " + this.access.dialect().now()
						+ " WHERE name = :name", parameters);
			if (updated == 0) {
				this.access.named()
					.update("INSERT INTO " + this.access.tables().recurringJob() + " (" + COLUMNS
							+ ", updated_at) VALUES (:name, :handler, :scheduleType, :schedule, :zone, :payload,"
							+ " :allowConcurrent, :misfire, :maxRuns, :endAt, :source, :paused, :runs, :skipped,"
							+ " :nextRunAt, :lastRunAt, :lastJobId, :pausedBy, " + this.access.dialect().now() + ")",
							parameters);
			}
			return null;
		});
	}

	@Override
	public StoredRecurringJob update(String name, Function<@Nullable StoredRecurringJob, StoredRecurringJob> change) {
		for (int tries = 1;; tries++) {
			try {
				return updateOnce(name, change);
			}
			catch (DuplicateKeyException ex) {
				// another node stored the same new job first (nothing to lock before it
				// existed): read it again, now under its lock; a caller's transaction is
				// spoiled, and only its owner can repeat it
				if (tries >= MAX_UPDATE_TRIES
						|| this.access.callerTransactions().current() == CallerTransactions.Surrounding.JOINABLE) {
					throw ex;
				}
			}
		}
	}

	private StoredRecurringJob updateOnce(String name,
			Function<@Nullable StoredRecurringJob, StoredRecurringJob> change) {
		return this.access.inTransaction(() -> {
			StoredRecurringJob existing = this.access.jdbc()
				.sql("SELECT " + COLUMNS + " FROM " + this.access.tables().recurringJob() + " WHERE name = :name"
						+ " FOR UPDATE")
				.param("name", name)
				.query(this.mapper)
				.optional()
				.orElse(null);
			StoredRecurringJob changed = change.apply(existing);
			if (!changed.equals(existing)) {
				save(changed);
			}
			return changed;
		});
	}

	@Override
	public boolean setPaused(String name, StoredRecurringJob.@Nullable PausedBy pausedBy, @Nullable Instant nextRunAt) {
		return this.access.jdbc()
			.sql("UPDATE " + this.access.tables().recurringJob() + " SET paused = :paused, paused_by = :pausedBy,"
					+ " next_run_at = :nextRunAt, updated_at = " + this.access.dialect().now() + " WHERE name = :name")
			.param("paused", pausedBy != null)
			.param("pausedBy", (pausedBy != null) ? pausedBy.name() : null, Types.VARCHAR)
			.param("nextRunAt", this.access.dialect().bind(nextRunAt), this.access.dialect().instantSqlType())
			.param("name", name)
			.update() > 0;
	}

	@Override
	public boolean delete(String name) {
		return this.access.jdbc()
			.sql("DELETE FROM " + this.access.tables().recurringJob() + " WHERE name = :name")
			.param("name", name)
			.update() > 0;
	}

	@Override
	public int fireDue(int limit, Collection<String> excluded, Firing firing) {
		return this.access.inTransaction(() -> {
			Instant now = this.clock.now();
			MapSqlParameterSource parameters = new MapSqlParameterSource("now", this.access.dialect().bind(now))
				.addValue("limit", limit);
			List<Optional<StoredRecurringJob>> due = this.access.named()
				.query("SELECT " + COLUMNS + " FROM " + this.access.tables().recurringJob()
						+ " WHERE paused = FALSE AND next_run_at <= :now" + excluding(excluded, parameters)
						+ " ORDER BY next_run_at LIMIT :limit" + this.access.dialect().forUpdateSkipLocked(),
						parameters, (rs, rowNum) -> {
							try {
								return Optional.of(map(rs, rowNum));
							}
							catch (RuntimeException ex) {
								firing.unreadable(rs.getString("name"), ex);
								return Optional.empty();
							}
						});
			for (Optional<StoredRecurringJob> job : due) {
				StoredRecurringJob fired = job.map((readable) -> firing.fire(readable, now)).orElse(null);
				if (fired != null) {
					this.access.named()
						.update("UPDATE " + this.access.tables().recurringJob()
								+ " SET runs = :runs, skipped = :skipped, next_run_at = :nextRunAt,"
								+ " last_run_at = :lastRunAt, last_job_id = :lastJobId, updated_at = "
								+ this.access.dialect().now() + " WHERE name = :name", parameters(fired));
				}
			}
			return due.size();
		});
	}

	private static String excluding(Collection<String> excluded, MapSqlParameterSource parameters) {
		if (excluded.isEmpty()) {
			return "";
		}
		parameters.addValue("excluded", List.copyOf(excluded));
		return " AND name NOT IN (:excluded)";
	}

	@Override
	public @Nullable Duration untilNextDue(Collection<String> excluded) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		// the aggregate yields one row, with a null minimum when nothing is scheduled
		List<Optional<Duration>> waits = this.access.named()
			.query("SELECT MIN(next_run_at) AS next_due, " + this.access.dialect().now() + " AS db_now FROM "
					+ this.access.tables().recurringJob() + " WHERE paused = FALSE" + excluding(excluded, parameters),
					parameters, (rs, rowNum) -> {
						Instant next = this.access.dialect().instant(rs, "next_due");
						Instant now = this.access.dialect().instant(rs, "db_now");
						return Optional.ofNullable((next != null && now != null) ? Duration.between(now, next) : null);
					});
		return waits.isEmpty() ? null : waits.get(0).orElse(null);
	}

	@Override
	public boolean isUnfinished(JobId id) {
		Integer count = this.access.jdbc()
			.sql("SELECT COUNT(*) FROM " + this.access.tables().job()
					+ " WHERE id = :id AND status IN ('PENDING', 'RUNNING')")
			.param("id", this.access.dialect().bind(id))
			.query(Integer.class)
			.single();
		return count != null && count > 0;
	}

	private MapSqlParameterSource parameters(StoredRecurringJob job) {
		RecurringDefinition definition = job.definition();
		return new MapSqlParameterSource("name", definition.name()).addValue("handler", definition.handler())
			.addValue("scheduleType", definition.schedule().kind().name())
			.addValue("schedule", definition.schedule().text())
			.addValue("zone", definition.zone())
			.addValue("payload", definition.payloadJson(), Types.VARCHAR)
			.addValue("allowConcurrent", definition.allowConcurrent())
			.addValue("misfire", definition.misfire().name())
			.addValue("maxRuns", (definition.maxRuns() > 0) ? definition.maxRuns() : null, Types.INTEGER)
			.addValue("endAt", this.access.dialect().bind(definition.endAt()), this.access.dialect().instantSqlType())
			.addValue("source", definition.source().name())
			.addValue("paused", job.paused())
			.addValue("pausedBy", (job.pausedBy() != null) ? job.pausedBy().name() : null, Types.VARCHAR)
			.addValue("runs", job.runs())
			.addValue("skipped", job.skipped())
			.addValue("nextRunAt", this.access.dialect().bind(job.nextRunAt()), this.access.dialect().instantSqlType())
			.addValue("lastRunAt", this.access.dialect().bind(job.lastRunAt()), this.access.dialect().instantSqlType())
			.addValue("lastJobId", (job.lastJobId() != null) ? this.access.dialect().bind(job.lastJobId()) : null,
					this.access.dialect().idSqlType());
	}

	private static StoredRecurringJob.@Nullable PausedBy pausedBy(ResultSet rs) throws SQLException {
		String pausedBy = rs.getString("paused_by");
		if (pausedBy != null) {
			return StoredRecurringJob.PausedBy.valueOf(pausedBy);
		}
		// paused before who paused it was recorded: only the API resumes it
		return rs.getBoolean("paused") ? StoredRecurringJob.PausedBy.API : null;
	}

	private StoredRecurringJob map(ResultSet rs, int rowNum) throws SQLException {
		int maxRuns = rs.getInt("max_runs");
		boolean noMaxRuns = rs.wasNull();
		String lastJobId = rs.getString("last_job_id");
		RecurringDefinition definition = new RecurringDefinition(rs.getString("name"), rs.getString("handler"),
				StoredSchedule.of("CRON".equals(rs.getString("schedule_type")) ? StoredSchedule.Kind.CRON
						: StoredSchedule.Kind.INTERVAL, rs.getString("schedule")),
				rs.getString("zone"), rs.getString("payload"), rs.getBoolean("allow_concurrent"),
				MisfirePolicy.valueOf(rs.getString("misfire")), noMaxRuns ? 0 : maxRuns,
				this.access.dialect().instant(rs, "end_at"),
				RecurringDefinition.Source.valueOf(rs.getString("source")));
		return new StoredRecurringJob(definition, rs.getBoolean("paused"), rs.getLong("runs"), rs.getLong("skipped"),
				this.access.dialect().instant(rs, "next_run_at"), this.access.dialect().instant(rs, "last_run_at"),
				(lastJobId != null) ? JobId.of(lastJobId) : null, pausedBy(rs));
	}

}
