/**
 * Internal runtime of the jobs starter: enqueueing, the worker that claims and runs jobs,
 * leases and rescue, and the lifecycle callbacks that events and metrics hang on.
 */
@NullMarked
package dev.jobs.engine;

import org.jspecify.annotations.NullMarked;
