/**
 * Internal scheduling logic of recurring jobs: cron and interval schedules, their
 * occurrences across time zones and daylight saving changes, and misfire handling.
 */
@NullMarked
package dev.jobs.schedule;

import org.jspecify.annotations.NullMarked;
