package dev.jobs.actuate.endpoint;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.JobId;

/**
 * Reads the arguments of a request to the {@link JobsEndpoint}, and answers one that is
 * not valid with an {@link InvalidEndpointRequestException} (400).
 */
final class EndpointArguments {

	private EndpointArguments() {
	}

	/**
	 * The job id of a request.
	 * @param id the id as given
	 * @return the job id
	 * @throws InvalidEndpointRequestException if it is not one
	 */
	static JobId jobId(String id) {
		try {
			return JobId.of(id);
		}
		catch (InvalidJobRequestException ex) {
			throw new InvalidEndpointRequestException(ex.getMessage(), ex.getMessage());
		}
	}

	/**
	 * The action of a request, if it is one of the valid ones.
	 * @param action the action as given
	 * @param valid the valid actions
	 * @return the action
	 * @throws UnknownActionException if it is missing or not valid
	 */
	static String checkedAction(@Nullable String action, String... valid) {
		if (action == null || !List.of(valid).contains(action)) {
			throw new UnknownActionException(action, List.of(valid));
		}
		return action;
	}

}
