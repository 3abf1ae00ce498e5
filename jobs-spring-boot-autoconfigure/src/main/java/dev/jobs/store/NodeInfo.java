package dev.jobs.store;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A registered node, as its row in the nodes table shows it.
 *
 * @param name the node name
 * @param startedAt when it registered
 * @param heartbeatAt its last heartbeat, by the database's clock
 * @param silentFor how long ago that heartbeat was, by the database's clock
 * @param instance the token of the process that holds the name, {@code null} for a row of
 * an older version
 * @param concurrency how many jobs it runs at once, {@code null} for a row of an older
 * version
 * @param runningJobs how many jobs it owns that are running or held ready
 * @param workerWanted whether its worker should run: what was asked of this node, or else
 * of every node
 */
public record NodeInfo(String name, Instant startedAt, Instant heartbeatAt, Duration silentFor,
		@Nullable String instance, @Nullable Integer concurrency, long runningJobs, boolean workerWanted) {

}
