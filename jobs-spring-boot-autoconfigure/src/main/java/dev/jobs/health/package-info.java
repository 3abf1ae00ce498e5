/**
 * Internal: the health of the jobs on this node, computed without Actuator
 * ({@link dev.jobs.health.JobsHealthEvaluator}) and exposed as the Actuator health
 * contributor {@code jobs} ({@link dev.jobs.health.JobsHealthIndicator}).
 */
@NullMarked
package dev.jobs.health;

import org.jspecify.annotations.NullMarked;
