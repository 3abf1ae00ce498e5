package dev.jobs.actuate.endpoint;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.SecurityContext;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.InvalidJobStateException;
import dev.jobs.JobId;
import dev.jobs.JobNotFoundException;
import dev.jobs.Jobs;
import dev.jobs.RecurringJobNotFoundException;
import dev.jobs.actuate.endpoint.JobsEndpoint.ActionDescriptor;

/**
 * What the write operations of the {@link JobsEndpoint} do: cancel or retry a job,
 * trigger, pause or resume a recurring job, and pause or resume a queue across the
 * cluster. Each leaves one line on the audit log ({@link AuditLog}); an action that is
 * not one of the valid ones is refused with an {@link UnknownActionException} that names
 * them.
 */
final class JobsActions {

	private final Jobs jobs;

	JobsActions(Jobs jobs) {
		this.jobs = jobs;
	}

	/**
	 * Cancel or retry a job.
	 * @param securityContext who asks, for the audit line
	 * @param id the job id
	 * @param action {@code cancel} or {@code retry}
	 * @return what was done, or {@code null} if there is no such job
	 */
	@Nullable ActionDescriptor jobAction(SecurityContext securityContext, String id, @Nullable String action) {
		return AuditLog.audited(securityContext, action, "job " + id, () -> jobAction(id, action));
	}

	private @Nullable ActionDescriptor jobAction(String id, @Nullable String action) {
		String checked = EndpointArguments.checkedAction(action, "cancel", "retry");
		JobId jobId = EndpointArguments.jobId(id);
		if (this.jobs.get(jobId).isEmpty()) {
			return null;
		}
		try {
			return switch (checked) {
				case "cancel" -> new ActionDescriptor(checked, id, this.jobs.cancel(jobId), null);
				default -> new ActionDescriptor(checked, id, true, this.jobs.retry(jobId).toString());
			};
		}
		catch (JobNotFoundException ex) {
			return null;
		}
		catch (InvalidJobStateException ex) {
			throw new InvalidEndpointRequestException(ex.getMessage(), ex.getMessage());
		}
	}

	/**
	 * Trigger, pause or resume a recurring job, or pause or resume a queue across the
	 * cluster.
	 * @param securityContext who asks, for the audit line
	 * @param kind {@code recurring} or {@code queues}
	 * @param name the recurring job's or the queue's name
	 * @param action {@code trigger}, {@code pause} or {@code resume}
	 * @return what was done, or {@code null} if there is no such recurring job
	 */
	@Nullable ActionDescriptor control(SecurityContext securityContext, String kind, String name, @Nullable String action) {
		return AuditLog.audited(securityContext, action, kind + " " + name, () -> switch (kind) {
			case "recurring" ->
				recurringAction(name, EndpointArguments.checkedAction(action, "trigger", "pause", "resume"));
			case "queues" -> queueAction(name, EndpointArguments.checkedAction(action, "pause", "resume"));
			default -> throw new InvalidEndpointRequestException("Unknown kind '" + kind + "'",
					"Unknown kind '" + kind + "': expected 'recurring' or 'queues'");
		});
	}

	private @Nullable ActionDescriptor recurringAction(String name, String action) {
		try {
			return switch (action) {
				case "trigger" -> new ActionDescriptor(action, name, true, this.jobs.triggerRecurring(name).toString());
				case "pause" -> found(action, name, this.jobs.pauseRecurring(name));
				default -> found(action, name, this.jobs.resumeRecurring(name));
			};
		}
		catch (RecurringJobNotFoundException ex) {
			return null;
		}
	}

	private static @Nullable ActionDescriptor found(String action, String name, boolean done) {
		return done ? new ActionDescriptor(action, name, true, null) : null;
	}

	private ActionDescriptor queueAction(String queue, String action) {
		try {
			if (action.equals("pause")) {
				this.jobs.pauseQueue(queue);
			}
			else {
				this.jobs.resumeQueue(queue);
			}
		}
		catch (InvalidJobRequestException ex) {
			throw new InvalidEndpointRequestException(ex.getMessage(), ex.getMessage());
		}
		return new ActionDescriptor(action, queue, true, null);
	}

}
