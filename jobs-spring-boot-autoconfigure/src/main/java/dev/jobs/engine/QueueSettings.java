package dev.jobs.engine;

import org.jspecify.annotations.Nullable;

/**
 * How this node treats one queue.
 *
 * @param concurrency how many of its jobs may run at once on this node, or {@code null}
 * for no limit beyond the node's
 * @param paused whether this node claims none of its jobs
 */
public record QueueSettings(@Nullable Integer concurrency, boolean paused) {

}
