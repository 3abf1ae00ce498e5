package dev.jobs.store.jdbc;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.Job;
import dev.jobs.JobExecution;
import dev.jobs.JobId;
import dev.jobs.JobQuery;
import dev.jobs.JobStats;
import dev.jobs.JobStatus;
import dev.jobs.Priority;
import dev.jobs.store.JobQueries;

/**
 * Reads jobs, counts and execution history. The store keeps due and not-yet-due jobs
 * alike as {@code PENDING}; reads report those whose due time is ahead of the database's
 * clock as {@code SCHEDULED}.
 */
class JdbcJobQueries implements JobQueries {

	private static final String LIKE_ESCAPE = "!";

	private final JdbcAccess access;

	private final JobRowMapper jobMapper;

	private final String effectiveStatus;

	/**
	 * The counts by stored status, and in the same statement (one snapshot) the pending
	 * jobs not yet due, which the partial claim index holds: grouping by the stored
	 * status reads the table once without an expression per row.
	 */
	private final String statsByStoredStatus;

	/**
	 * Create the queries.
	 * @param access the JDBC access
	 * @param jsonReader reads stored JSON for {@link Job#payload(Class)}
	 */
	JdbcJobQueries(JdbcAccess access, Job.JsonReader jsonReader) {
		this.access = access;
		this.jobMapper = new JobRowMapper(access.dialect(), jsonReader);
		this.effectiveStatus = "CASE WHEN status = 'PENDING' AND run_at > " + access.dialect().now()
				+ " THEN 'SCHEDULED' ELSE status END";
		String job = access.tables().job();
		this.statsByStoredStatus = "SELECT queue, status AS job_status, COUNT(*) AS job_count FROM " + job
				+ " GROUP BY queue, status UNION ALL SELECT queue, 'SCHEDULED' AS job_status, COUNT(*) AS job_count FROM "
				+ job + " WHERE status = 'PENDING' AND run_at > " + access.dialect().now() + " GROUP BY queue";
	}

	@Override
	public Optional<Job> get(JobId id) {
		return this.access.jdbc()
			.sql(selectJobs() + " WHERE id = :id")
			.param("id", this.access.dialect().bind(id))
			.query(this.jobMapper)
			.optional();
	}

	@Override
	public List<Job> query(JobQuery query) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String direction = query.descending() ? " DESC" : " ASC";
		String sql = selectJobs(query.payloads()) + where(query, parameters) + " ORDER BY " + sortColumn(query.sort())
				+ direction + ", id" + direction + " LIMIT :limit OFFSET :offset";
		parameters.addValue("limit", query.limit()).addValue("offset", query.offset());
		return this.access.named().query(sql, parameters, this.jobMapper);
	}

	@Override
	public long count(JobQuery query) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		return count("SELECT COUNT(*) FROM " + this.access.tables().job() + where(query, parameters), parameters);
	}

	@Override
	public long count(JobQuery query, long atMost) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("atMost", atMost);
		return count("SELECT COUNT(*) FROM (SELECT 1 AS one FROM " + this.access.tables().job()
				+ where(query, parameters) + " LIMIT :atMost) bounded", parameters);
	}

	private long count(String sql, MapSqlParameterSource parameters) {
		Long count = this.access.named().queryForObject(sql, parameters, Long.class);
		return (count != null) ? count : 0;
	}

	@Override
	public JobStats stats() {
		Map<String, Map<JobStatus, Long>> counts = new HashMap<>();
		this.access.jdbc().sql(this.statsByStoredStatus).query((rs) -> {
			counts.computeIfAbsent(rs.getString("queue"), (queue) -> new EnumMap<>(JobStatus.class))
				.merge(JobStatus.valueOf(rs.getString("job_status")), rs.getLong("job_count"), Long::sum);
		});
		counts.values().forEach((queue) -> {
			Long scheduled = queue.get(JobStatus.SCHEDULED);
			if (scheduled != null) {
				queue.merge(JobStatus.PENDING, -scheduled, Long::sum);
			}
		});
		return new JobStats(counts);
	}

	@Override
	public List<JobExecution> history(JobId id) {
		return this.access.jdbc()
			.sql("SELECT job_id, attempt, node, started_at, finished_at, duration_ms, outcome, error FROM "
					+ this.access.tables().execution() + " WHERE job_id = :id ORDER BY seq")
			.param("id", this.access.dialect().bind(id))
			.query((rs, rowNum) -> new JobExecution(this.access.dialect().jobId(rs, "job_id"), rs.getInt("attempt"),
					rs.getString("node"), this.access.dialect().instant(rs, "started_at"),
					this.access.dialect().instant(rs, "finished_at"),
					java.time.Duration.ofMillis(rs.getLong("duration_ms")),
					JobExecution.Outcome.valueOf(rs.getString("outcome")), rs.getString("error")))
			.list();
	}

	private String selectJobs() {
		return selectJobs(true);
	}

	private String selectJobs(boolean payloads) {
		return "SELECT " + (payloads ? JobColumns.ALL : JobColumns.WITHOUT_PAYLOADS) + ", " + this.effectiveStatus
				+ " AS effective_status FROM " + this.access.tables().job();
	}

	private String where(JobQuery query, MapSqlParameterSource parameters) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (query.name() != null) {
			where.append(" AND name = :name");
			parameters.addValue("name", query.name());
		}
		if (query.queue() != null) {
			where.append(" AND queue = :queue");
			parameters.addValue("queue", query.queue());
		}
		if (!query.statuses().isEmpty()) {
			List<String> conditions = new ArrayList<>();
			for (JobStatus status : query.statuses()) {
				conditions.add(statusCondition(status, parameters));
			}
			where.append(" AND (").append(String.join(" OR ", conditions)).append(")");
			if (query.statuses().stream().allMatch(JobStatus::isFinished)) {
				// true of every finished job; it lets PostgreSQL read the partial
				// finished index
				where.append(" AND finished_at IS NOT NULL");
			}
		}
		if (!query.priorities().isEmpty()) {
			where.append(" AND priority IN (:priorities)");
			parameters.addValue("priorities", query.priorities().stream().map(Priority::rank).toList());
		}
		if (query.search() != null) {
			where.append(searchCondition(query.search(), parameters));
		}
		if (query.createdAfter() != null) {
			where.append(" AND created_at >= :createdAfter");
			parameters.addValue("createdAfter", this.access.dialect().bind(query.createdAfter()));
		}
		if (query.createdBefore() != null) {
			where.append(" AND created_at < :createdBefore");
			parameters.addValue("createdBefore", this.access.dialect().bind(query.createdBefore()));
		}
		return where.toString();
	}

	private String statusCondition(JobStatus status, MapSqlParameterSource parameters) {
		String now = this.access.dialect().now();
		return switch (status) {
			case SCHEDULED -> "(status = 'PENDING' AND run_at > " + now + ")";
			case PENDING -> "(status = 'PENDING' AND run_at <= " + now + ")";
			default -> {
				String parameter = "status" + status.name();
				parameters.addValue(parameter, status.name());
				yield "status = :" + parameter;
			}
		};
	}

	/**
	 * A case-insensitive substring match on the name and unique key, with the wildcards
	 * of {@code LIKE} taken literally, or the id itself when the text is one.
	 */
	private String searchCondition(String search, MapSqlParameterSource parameters) {
		String escaped = search.toLowerCase(Locale.ROOT)
			.replace(LIKE_ESCAPE, LIKE_ESCAPE + LIKE_ESCAPE)
			.replace("%", LIKE_ESCAPE + "%")
			.replace("_", LIKE_ESCAPE + "_");
		parameters.addValue("search", "%" + escaped + "%");
		String condition = "LOWER(name) LIKE :search ESCAPE '" + LIKE_ESCAPE
				+ "' OR LOWER(unique_key) LIKE :search ESCAPE '" + LIKE_ESCAPE + "'";
		try {
			parameters.addValue("searchId", this.access.dialect().bind(JobId.of(search.trim())));
			condition += " OR id = :searchId";
		}
		catch (InvalidJobRequestException ex) {
			// not an id: name and unique key only
		}
		return " AND (" + condition + ")";
	}

	private static String sortColumn(JobQuery.Sort sort) {
		return switch (sort) {
			case CREATED_AT -> "created_at";
			case RUN_AT -> "run_at";
			case FINISHED_AT -> "finished_at";
			case PRIORITY -> "priority";
		};
	}

}
