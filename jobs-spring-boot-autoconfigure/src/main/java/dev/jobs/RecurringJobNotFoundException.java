package dev.jobs;

/**
 * Raised by an operation on a recurring job name that the store does not hold.
 *
 * @since 0.1.0
 */
public class RecurringJobNotFoundException extends JobsException {

	private final String name;

	/**
	 * Create a new exception.
	 * @param name the name that was not found
	 */
	public RecurringJobNotFoundException(String name) {
		super("No recurring job named '" + name + "'");
		this.name = name;
	}

	/**
	 * The name that was not found.
	 * @return the recurring job's name
	 */
	public String getName() {
		return this.name;
	}

}
