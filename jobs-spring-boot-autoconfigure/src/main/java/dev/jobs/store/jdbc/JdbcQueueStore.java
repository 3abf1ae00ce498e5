package dev.jobs.store.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.dao.DuplicateKeyException;

import dev.jobs.JobsThroughput;
import dev.jobs.store.QueueStore;

/**
 * The cluster-wide state of queues in the queue table, and the drain of a queue's pending
 * jobs in the jobs table. A pause is an update of the queue's row, or the insert of its
 * first row in a transaction of its own, so that a concurrent insert of the same queue
 * (which makes the insert fail) leaves no transaction broken.
 */
class JdbcQueueStore implements QueueStore {

	private final JdbcAccess access;

	private final String setPaused;

	private final String insertPaused;

	private final String selectPaused;

	private final String selectPending;

	private final String cancelPending;

	private final String completedWithin;

	private final String throughput;

	JdbcQueueStore(JdbcAccess access) {
		this.access = access;
		String queueTable = access.tables().queue();
		String jobTable = access.tables().job();
		String now = access.dialect().now();
		this.setPaused = "UPDATE " + queueTable + " SET paused = :paused, changed_at = " + now
				+ " WHERE name = :name AND paused = :wasPaused";
		this.insertPaused = "INSERT INTO " + queueTable + " (name, paused, changed_at) VALUES (:name, TRUE, " + now
				+ ")";
		this.selectPaused = "SELECT name FROM " + queueTable + " WHERE paused = TRUE";
		this.selectPending = "SELECT id, name FROM " + jobTable
				+ " WHERE queue = :queue AND status = 'PENDING' ORDER BY id LIMIT :limit FOR UPDATE";
		this.cancelPending = "UPDATE " + jobTable + " SET status = 'CANCELLED', finished_at = " + now
				+ ", active_key = NULL WHERE id IN (:ids) AND status = 'PENDING'";
		this.completedWithin = "SELECT queue, COUNT(*) AS completed FROM " + jobTable
				+ " WHERE status = 'COMPLETED' AND finished_at >= " + access.dialect().nowPlusMillis("minusWindow")
				+ " GROUP BY queue";
		String minute = access.dialect().minuteOf("finished_at");
		this.throughput = "SELECT queue, " + minute + " AS ended_minute, status, COUNT(*) AS ended FROM " + jobTable
				+ " WHERE status IN ('COMPLETED', 'FAILED') AND finished_at >= "
				+ access.dialect().nowPlusMillis("minusWindow") + " GROUP BY queue, " + minute + ", status";
	}

	@Override
	public boolean pause(String queue) {
		if (this.access.inOwnTransaction(() -> setPaused(queue, true))) {
			return true;
		}
		try {
			return this.access
				.inOwnTransaction(() -> this.access.jdbc().sql(this.insertPaused).param("name", queue).update() > 0);
		}
		catch (DuplicateKeyException ex) {
			// the queue has a row: paused already, or paused by a concurrent call
			return this.access.inOwnTransaction(() -> setPaused(queue, true));
		}
	}

	@Override
	public boolean resume(String queue) {
		return this.access.inOwnTransaction(() -> setPaused(queue, false));
	}

	private boolean setPaused(String queue, boolean paused) {
		return this.access.jdbc()
			.sql(this.setPaused)
			.param("paused", paused)
			.param("name", queue)
			.param("wasPaused", !paused)
			.update() > 0;
	}

	@Override
	public Set<String> paused() {
		return new HashSet<>(this.access.jdbc().sql(this.selectPaused).query(String.class).list());
	}

	@Override
	public List<DrainedJob> drain(String queue, int limit) {
		return this.access.inOwnTransaction(() -> {
			List<DrainedJob> drained = this.access.jdbc()
				.sql(this.selectPending)
				.param("queue", queue)
				.param("limit", limit)
				.query((rs, rowNum) -> new DrainedJob(this.access.dialect().jobId(rs, "id"), rs.getString("name")))
				.list();
			if (drained.isEmpty()) {
				return drained;
			}
			List<Object> ids = new ArrayList<>(drained.size());
			drained.forEach((job) -> ids.add(this.access.dialect().bind(job.id())));
			this.access.jdbc().sql(this.cancelPending).param("ids", ids).update();
			return drained;
		});
	}

	@Override
	public Map<String, Long> completedWithin(Duration window) {
		Map<String, Long> completed = new HashMap<>();
		this.access.jdbc().sql(this.completedWithin).param("minusWindow", -window.toMillis()).query((rs) -> {
			completed.put(rs.getString("queue"), rs.getLong("completed"));
		});
		return completed;
	}

	@Override
	public List<JobsThroughput> throughput(Duration window) {
		Map<Instant, Map<String, long[]>> minutes = new TreeMap<>();
		this.access.jdbc().sql(this.throughput).param("minusWindow", -window.toMillis()).query((rs) -> {
			long[] counts = minutes
				.computeIfAbsent(this.access.dialect().instant(rs, "ended_minute"), (key) -> new TreeMap<>())
				.computeIfAbsent(rs.getString("queue"), (key) -> new long[2]);
			counts["COMPLETED".equals(rs.getString("status")) ? 0 : 1] += rs.getLong("ended");
		});
		List<JobsThroughput> throughput = new ArrayList<>();
		minutes.forEach((minute, queues) -> queues
			.forEach((queue, counts) -> throughput.add(new JobsThroughput(minute, queue, counts[0], counts[1]))));
		return throughput;
	}

}
