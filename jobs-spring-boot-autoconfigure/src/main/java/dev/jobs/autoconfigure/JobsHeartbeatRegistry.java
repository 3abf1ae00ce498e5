package dev.jobs.autoconfigure;

import dev.jobs.store.NodeRegistry;

/**
 * The registry that this node's heartbeats and rescues go through: the starter's JDBC
 * store has one on the connection kept apart from the pool
 * ({@link JobsHeartbeatConnection}), and a job store bean of the application's carries
 * them through its own {@link dev.jobs.store.JobStore#nodes() registry}.
 *
 * @param registry the registry
 */
record JobsHeartbeatRegistry(NodeRegistry registry) {

}
