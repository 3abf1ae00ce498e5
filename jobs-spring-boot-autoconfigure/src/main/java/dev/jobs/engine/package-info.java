/**
 * Internal runtime of the jobs starter shared by enqueueing and the worker: enqueueing,
 * job settings, history cleanup, periodic checks and the lifecycle callbacks that events
 * and metrics hang on.
 */
@NullMarked
package dev.jobs.engine;

import org.jspecify.annotations.NullMarked;
