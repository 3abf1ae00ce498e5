package dev.jobs.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.RowMapper;

import dev.jobs.Job;
import dev.jobs.JobStatus;
import dev.jobs.Priority;
import dev.jobs.RetryBackoff;
import dev.jobs.store.ClaimedJob;
import dev.jobs.store.jdbc.dialect.JobStoreDialect;

/**
 * Maps rows of the jobs table to {@link Job} snapshots. A pending row whose due time is
 * still ahead, by the database's clock, is reported as {@link JobStatus#SCHEDULED}; the
 * query selects that as {@code effective_status}.
 */
final class JobRowMapper implements RowMapper<Job> {

	private final JobStoreDialect dialect;

	private final Job.JsonReader jsonReader;

	JobRowMapper(JobStoreDialect dialect, Job.JsonReader jsonReader) {
		this.dialect = dialect;
		this.jsonReader = jsonReader;
	}

	@Override
	public Job mapRow(ResultSet rs, int rowNum) throws SQLException {
		return Job.builder(this.dialect.jobId(rs, "id"))
			.name(rs.getString("name"))
			.queue(rs.getString("queue"))
			.status(JobStatus.valueOf(rs.getString("effective_status")))
			.priority(Priority.ofRank(rs.getInt("priority")))
			.attempts(rs.getInt("attempts"), rs.getInt("max_attempts"))
			.timeout(Duration.ofMillis(rs.getLong("timeout_ms")))
			.uniqueKey(rs.getString("unique_key"))
			.times(required(rs, "created_at"), required(rs, "run_at"), this.dialect.instant(rs, "started_at"),
					this.dialect.instant(rs, "finished_at"))
			.progress(rs.getInt("progress"))
			.error(rs.getString("error"), rs.getString("owner"))
			.json(rs.getString("payload"), rs.getString("result"), this.jsonReader)
			.build();
	}

	private Instant required(ResultSet rs, String column) throws SQLException {
		return required(this.dialect, rs, column);
	}

	private static Instant required(JobStoreDialect dialect, ResultSet rs, String column) throws SQLException {
		Instant instant = dialect.instant(rs, column);
		if (instant == null) {
			throw new SQLException("Column " + column + " of a job row is null");
		}
		return instant;
	}

	static RetryBackoff backoff(ResultSet rs) throws SQLException {
		return new RetryBackoff(Duration.ofMillis(rs.getLong("backoff_delay_ms")), rs.getDouble("backoff_multiplier"),
				Duration.ofMillis(rs.getLong("backoff_max_delay_ms")), rs.getDouble("backoff_jitter"));
	}

	/**
	 * Maps a locked pending row to the job this node claims from it, with the attempt and
	 * fence the claim gives it.
	 * @param dialect the dialect
	 * @param owner the claiming node
	 * @param startedAt the database's time of the claim
	 * @return the mapper
	 */
	static RowMapper<ClaimedJob> claimed(JobStoreDialect dialect, String owner, Instant startedAt) {
		return (rs, rowNum) -> claimedJob(rs, dialect, owner, 1, startedAt);
	}

	/**
	 * Maps a row as a claim's update returned it, or a running row, attempt, fence and
	 * start time already set, to the job this node claimed.
	 * @param dialect the dialect
	 * @param owner the claiming node
	 * @return the mapper
	 */
	static RowMapper<ClaimedJob> claimedByUpdate(JobStoreDialect dialect, String owner) {
		return (rs, rowNum) -> {
			// a held job has no start time: its claim's time stands for it
			Instant startedAt = dialect.instant(rs, "started_at");
			return claimedJob(rs, dialect, owner, 0,
					(startedAt != null) ? startedAt : required(dialect, rs, "claimed_at"));
		};
	}

	private static ClaimedJob claimedJob(ResultSet rs, JobStoreDialect dialect, String owner, int claimIncrement,
			Instant startedAt) throws SQLException {
		return new ClaimedJob(dialect.jobId(rs, "id"), rs.getString("name"), rs.getString("queue"),
				Priority.ofRank(rs.getInt("priority")), rs.getString("payload"), rs.getInt("attempts") + claimIncrement,
				rs.getInt("max_attempts"), rs.getLong("fence") + claimIncrement, owner,
				Duration.ofMillis(rs.getLong("timeout_ms")), backoff(rs), dialect.instant(rs, "created_at"),
				dialect.instant(rs, "run_at"), startedAt);
	}

}
