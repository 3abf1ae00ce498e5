/**
 * Internal JDBC implementation of the storage SPI, with the starter's own Flyway schema.
 */
@NullMarked
package dev.jobs.store.jdbc;

import org.jspecify.annotations.NullMarked;
