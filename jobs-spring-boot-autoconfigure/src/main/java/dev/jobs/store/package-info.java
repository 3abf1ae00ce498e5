/**
 * Internal storage SPI of the jobs engine: small role interfaces (writing, claiming,
 * recording attempts, node liveness, queries) and the records they exchange.
 */
@NullMarked
package dev.jobs.store;

import org.jspecify.annotations.NullMarked;
