/**
 * Internal SQL differences between the supported databases.
 */
@NullMarked
package dev.jobs.store.jdbc.dialect;

import org.jspecify.annotations.NullMarked;
