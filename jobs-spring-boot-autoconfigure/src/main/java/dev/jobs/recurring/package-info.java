/**
 * Recurring jobs: their declaration by {@code @RecurringJob} methods, their cron and
 * interval schedules, parsed once where they are declared, requested or read, with their
 * occurrences across time zones and daylight saving changes, misfire handling, the
 * run-time API behind {@code Jobs}, and the firing of due occurrences as jobs.
 */
@NullMarked
package dev.jobs.recurring;

import org.jspecify.annotations.NullMarked;
