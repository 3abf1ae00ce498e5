/**
 * Auto-configuration of the jobs starter's Micrometer metrics.
 */
@NullMarked
package dev.jobs.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
