/**
 * Auto-configuration of the {@code jobs} Actuator endpoint.
 */
@NullMarked
package dev.jobs.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
