package dev.jobs;

/**
 * Raised when an operation does not apply to a job in its current state, such as retrying
 * a job that is still running.
 *
 * @since 0.1.0
 */
public class InvalidJobStateException extends JobsException {

	/**
	 * Create a new exception.
	 * @param message what was asked and why the job's state does not allow it
	 */
	public InvalidJobStateException(String message) {
		super(message);
	}

}
