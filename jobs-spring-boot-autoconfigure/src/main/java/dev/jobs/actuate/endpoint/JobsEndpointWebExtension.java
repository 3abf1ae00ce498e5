package dev.jobs.actuate.endpoint;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} for the {@link JobsEndpoint} that
 * answers a request for a job or recurring job that does not exist with 404, and a bad
 * request (an unknown or missing action, an id that is not one) with 400 and a body that
 * says what was wrong and, for an action, which ones are valid.
 *
 * @since 0.1.0
 */
@EndpointWebExtension(endpoint = JobsEndpoint.class)
public class JobsEndpointWebExtension {

	private final JobsEndpoint delegate;

	/**
	 * Create the extension.
	 * @param delegate the endpoint
	 */
	public JobsEndpointWebExtension(JobsEndpoint delegate) {
		this.delegate = delegate;
	}

	/**
	 * One job with its execution history.
	 * @param securityContext who asks, to decide whether values are shown
	 * @param id the job id
	 * @return the job, 404 if there is none, or 400 if the id is not one
	 */
	@ReadOperation
	public WebEndpointResponse<Object> job(SecurityContext securityContext, @Selector String id) {
		return response(() -> this.delegate.job(securityContext, id));
	}

	/**
	 * Cancel or retry a job.
	 * @param securityContext who asks, for the audit line
	 * @param id the job id
	 * @param action {@code cancel} or {@code retry}
	 * @return what was done, 404 if there is no such job, or 400
	 */
	@WriteOperation
	public WebEndpointResponse<Object> jobAction(SecurityContext securityContext, @Selector String id,
			@Nullable String action) {
		return response(() -> this.delegate.jobAction(securityContext, id, action));
	}

	/**
	 * Trigger, pause or resume a recurring job, or pause or resume a queue on this node.
	 * @param securityContext who asks, for the audit line
	 * @param kind {@code recurring} or {@code queues}
	 * @param name the recurring job's or the queue's name
	 * @param action the action
	 * @return what was done, 404 if there is no such recurring job, or 400
	 */
	@WriteOperation
	public WebEndpointResponse<Object> control(SecurityContext securityContext, @Selector String kind,
			@Selector String name, @Nullable String action) {
		return response(() -> this.delegate.control(securityContext, kind, name, action));
	}

	private static WebEndpointResponse<Object> response(Supplier<@Nullable Object> operation) {
		try {
			Object result = operation.get();
			return (result != null) ? new WebEndpointResponse<>(result)
					: new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		catch (UnknownActionException ex) {
			return badRequest(ex, ex.getValidActions());
		}
		catch (InvalidEndpointRequestException ex) {
			return badRequest(ex, null);
		}
	}

	private static WebEndpointResponse<Object> badRequest(InvalidEndpointRequestException ex,
			@Nullable List<String> validActions) {
		return new WebEndpointResponse<>(new BadRequestDescriptor(WebEndpointResponse.STATUS_BAD_REQUEST, "Bad Request",
				ex.getReason(), validActions), WebEndpointResponse.STATUS_BAD_REQUEST);
	}

	/**
	 * What was wrong with a request.
	 *
	 * @param status the HTTP status, 400
	 * @param error its reason phrase
	 * @param message what was wrong
	 * @param validActions the valid actions, when the action was not one
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record BadRequestDescriptor(int status, String error, String message,
			@Nullable List<String> validActions) implements OperationResponseBody {

	}

}
