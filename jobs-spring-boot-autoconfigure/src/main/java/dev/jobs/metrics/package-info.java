/**
 * Internal: Micrometer meters of the jobs starter, the gauges in
 * {@link dev.jobs.metrics.JobsMetrics} and the counters and timers in
 * {@link dev.jobs.metrics.MicrometerJobLifecycleListener}.
 */
@NullMarked
package dev.jobs.metrics;

import org.jspecify.annotations.NullMarked;
