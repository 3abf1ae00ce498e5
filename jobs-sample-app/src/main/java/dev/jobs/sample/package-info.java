/**
 * A small shop that sends its welcome emails and processes its orders as background jobs.
 */
@NullMarked
package dev.jobs.sample;

import org.jspecify.annotations.NullMarked;
