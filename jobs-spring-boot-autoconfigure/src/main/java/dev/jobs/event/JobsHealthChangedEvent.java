package dev.jobs.event;

/**
 * Published when the health of the jobs on this node changes, as computed every few
 * seconds whether or not anyone asks the Actuator health endpoint. Status codes are those
 * of Spring Boot's health contributor {@code jobs}: {@code UP}, {@code DOWN} or
 * {@code OUT_OF_SERVICE}, as plain strings so that listening needs no Actuator.
 *
 * <p>
 * A node is taken to be {@code UP} when it starts, so a node that starts healthy
 * publishes nothing, and one that cannot reach its database at start publishes {@code UP}
 * to {@code DOWN}.
 *
 * @param oldStatus the previous status code
 * @param newStatus the new status code
 * @since 0.1.0
 */
public record JobsHealthChangedEvent(String oldStatus, String newStatus) {

}
