/**
 * Small building blocks that the engine and the store share, such as their background
 * threads. Internal: not an API.
 */
@NullMarked
package dev.jobs.support;

import org.jspecify.annotations.NullMarked;
