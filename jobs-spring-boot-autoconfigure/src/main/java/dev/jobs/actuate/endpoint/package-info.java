/**
 * The {@code jobs} Actuator endpoint: what is queued and running, and operations to steer
 * jobs, recurring jobs and queues.
 */
@NullMarked
package dev.jobs.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
