package dev.jobs;

/**
 * Raised when {@code jobs.strict-names=true} and a job is enqueued under a name that no
 * handler of this application has.
 *
 * @since 0.1.0
 */
public class UnknownJobHandlerException extends InvalidJobRequestException {

	private final String jobName;

	/**
	 * Create a new exception.
	 * @param jobName the name that has no handler
	 */
	public UnknownJobHandlerException(String jobName) {
		super("No @JobHandler is registered for job name '" + jobName
				+ "' and jobs.strict-names is true; register a handler or set jobs.strict-names=false");
		this.jobName = jobName;
	}

	/**
	 * The job name that has no handler.
	 * @return the job name
	 */
	public String getJobName() {
		return this.jobName;
	}

}
