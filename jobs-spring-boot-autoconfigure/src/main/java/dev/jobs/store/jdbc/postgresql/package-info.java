/**
 * Internal machinery of the JDBC store that only PostgreSQL has: listening to the
 * notifications of enqueued jobs ({@code LISTEN}), spacing out the notifications of a
 * stream of enqueues, and binding arrays to one statement for many rows.
 */
@NullMarked
package dev.jobs.store.jdbc.postgresql;

import org.jspecify.annotations.NullMarked;
