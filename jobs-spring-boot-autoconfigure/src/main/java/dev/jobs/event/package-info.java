/**
 * Spring application events published by the jobs starter.
 */
@NullMarked
package dev.jobs.event;

import org.jspecify.annotations.NullMarked;
