package dev.jobs.faults.app;

/**
 * What a {@code fault-sleep} job does: sleep for a number of milliseconds.
 *
 * @param ms how long the handler sleeps
 */
public record SleepPayload(long ms) {

}
