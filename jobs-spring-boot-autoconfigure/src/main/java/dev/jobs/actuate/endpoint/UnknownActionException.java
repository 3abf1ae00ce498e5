package dev.jobs.actuate.endpoint;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

/**
 * Raised by a write operation of the {@link JobsEndpoint} asked for an action it does not
 * know, or for none.
 *
 * @since 0.1.0
 */
public class UnknownActionException extends InvalidEndpointRequestException {

	private final List<String> validActions;

	/**
	 * Create a new exception.
	 * @param action the action asked for, or {@code null} if none was
	 * @param validActions the actions the operation knows
	 */
	public UnknownActionException(@Nullable String action, List<String> validActions) {
		super(message(action, validActions), message(action, validActions));
		this.validActions = List.copyOf(validActions);
	}

	private static String message(@Nullable String action, List<String> validActions) {
		String asked = (action != null) ? "Unknown action '" + action + "'" : "No action given";
		return asked + ": expected one of " + String.join(", ", validActions) + " (as {\"action\": \""
				+ validActions.get(0) + "\"})";
	}

	/**
	 * The actions the operation knows.
	 * @return the valid actions
	 */
	public List<String> getValidActions() {
		return this.validActions;
	}

}
