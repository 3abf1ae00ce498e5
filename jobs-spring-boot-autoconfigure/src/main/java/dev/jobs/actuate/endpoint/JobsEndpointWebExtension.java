package dev.jobs.actuate.endpoint;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

import dev.jobs.actuate.endpoint.JobsEndpoint.ActionDescriptor;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} for the {@link JobsEndpoint} that
 * answers a write operation on a job or recurring job that does not exist with 404.
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
	 * Cancel or retry a job.
	 * @param id the job id
	 * @param action {@code cancel} or {@code retry}
	 * @return what was done, or 404 if there is no such job
	 */
	@WriteOperation
	public WebEndpointResponse<ActionDescriptor> jobAction(@Selector String id, String action) {
		return response(this.delegate.jobAction(id, action));
	}

	/**
	 * Trigger, pause or resume a recurring job, or pause or resume a queue on this node.
	 * @param kind {@code recurring} or {@code queues}
	 * @param name the recurring job's or the queue's name
	 * @param action the action
	 * @return what was done, or 404 if there is no such recurring job
	 */
	@WriteOperation
	public WebEndpointResponse<ActionDescriptor> control(@Selector String kind, @Selector String name, String action) {
		return response(this.delegate.control(kind, name, action));
	}

	private static WebEndpointResponse<ActionDescriptor> response(@Nullable ActionDescriptor result) {
		return (result != null) ? new WebEndpointResponse<>(result)
				: new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
	}

}
