/**
 * A throughput probe that runs when {@code shop.probe.jobs} is set: it enqueues that many
 * no-op jobs, waits for them all, prints the rate and exits.
 */
@NullMarked
package dev.jobs.sample.probe;

import org.jspecify.annotations.NullMarked;
