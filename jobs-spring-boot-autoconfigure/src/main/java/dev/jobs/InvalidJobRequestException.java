package dev.jobs;

/**
 * Raised when a job request is not valid: a blank name, a negative delay, a payload that
 * cannot be serialised, a non-positive number of attempts and the like. Nothing is stored
 * when it is raised.
 *
 * @since 0.1.0
 */
public class InvalidJobRequestException extends JobsException {

	/**
	 * Create a new exception.
	 * @param message what is wrong with the request
	 */
	public InvalidJobRequestException(String message) {
		super(message);
	}

	/**
	 * Create a new exception.
	 * @param message what is wrong with the request
	 * @param cause the underlying cause
	 */
	public InvalidJobRequestException(String message, Throwable cause) {
		super(message, cause);
	}

}
