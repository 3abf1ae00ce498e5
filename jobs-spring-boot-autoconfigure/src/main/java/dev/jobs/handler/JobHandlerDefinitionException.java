package dev.jobs.handler;

import dev.jobs.JobsException;

/**
 * Raised at start-up when a handler method cannot be used: two handlers share a name, a
 * method has parameters that cannot be bound, or an attribute has a bad value. The
 * message names the bean, the method and the problem.
 */
public class JobHandlerDefinitionException extends JobsException {

	private final String action;

	/**
	 * Create a new exception.
	 * @param message the problem, naming the bean and the method
	 * @param action what to do about it
	 */
	public JobHandlerDefinitionException(String message, String action) {
		super(message);
		this.action = action;
	}

	/**
	 * What to do about the problem.
	 * @return the suggested action
	 */
	public String getAction() {
		return this.action;
	}

}
