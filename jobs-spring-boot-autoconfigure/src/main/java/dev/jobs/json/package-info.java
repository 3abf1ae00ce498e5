/**
 * Internal JSON mapping of payloads and results, through the application's Jackson
 * {@code JsonMapper}.
 */
@NullMarked
package dev.jobs.json;

import org.jspecify.annotations.NullMarked;
