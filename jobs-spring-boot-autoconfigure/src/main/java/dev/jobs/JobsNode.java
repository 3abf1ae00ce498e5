package dev.jobs;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A node of the cluster whose worker is registered in the database.
 *
 * @param name the node name ({@code jobs.node-name})
 * @param startedAt when its worker registered
 * @param lastHeartbeat its last heartbeat, by the database's clock
 * @param heartbeatAge how long ago that was, by the database's clock
 * @param concurrency how many jobs it runs at once, or {@code null} if a node of an older
 * version did not say
 * @param runningJobs how many jobs it owns: running, or held ready to start
 * @param workerRunning whether its worker starts jobs: {@code false} once a stop was
 * asked of it or of every node ({@link JobsOperations#stopWorkers(String)}), until
 * started again
 * @since 0.1.0
 */
public record JobsNode(String name, Instant startedAt, Instant lastHeartbeat, Duration heartbeatAge,
		@Nullable Integer concurrency, long runningJobs, boolean workerRunning) {

}
