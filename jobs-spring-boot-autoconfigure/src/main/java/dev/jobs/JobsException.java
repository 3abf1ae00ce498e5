package dev.jobs;

/**
 * Base class of the exceptions the jobs starter raises.
 *
 * @since 0.1.0
 */
public class JobsException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param message what went wrong, naming the thing and the value
	 */
	public JobsException(String message) {
		super(message);
	}

	/**
	 * Create a new exception.
	 * @param message what went wrong, naming the thing and the value
	 * @param cause the underlying cause
	 */
	public JobsException(String message, Throwable cause) {
		super(message, cause);
	}

}
