package dev.jobs;

/**
 * An exception a handler can throw to fail its job at once, without further attempts.
 *
 * @since 0.1.0
 */
@NonRetryable
public class NonRetryableJobException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param message why the job cannot succeed
	 */
	public NonRetryableJobException(String message) {
		super(message);
	}

	/**
	 * Create a new exception.
	 * @param message why the job cannot succeed
	 * @param cause the underlying cause
	 */
	public NonRetryableJobException(String message, Throwable cause) {
		super(message, cause);
	}

}
