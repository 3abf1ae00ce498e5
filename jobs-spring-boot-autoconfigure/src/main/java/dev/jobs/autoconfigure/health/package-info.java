/**
 * Auto-configuration of the jobs starter's Actuator health contributor.
 */
@NullMarked
package dev.jobs.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
