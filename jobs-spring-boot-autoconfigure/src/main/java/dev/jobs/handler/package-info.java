/**
 * Internal discovery, validation and invocation of {@code @JobHandler} methods.
 */
@NullMarked
package dev.jobs.handler;

import org.jspecify.annotations.NullMarked;
